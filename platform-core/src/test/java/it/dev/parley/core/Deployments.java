package it.dev.parley.core;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged core WAR, as Arquillian deploys it into the test server. */
final class Deployments {

  private Deployments() {}

  static WebArchive coreWar() {
    return ShrinkWrap.create(ZipImporter.class, "parley.war")
        .importFrom(new File(System.getProperty("parley.war", "target/platform-core.war")))
        .as(WebArchive.class);
  }
}
