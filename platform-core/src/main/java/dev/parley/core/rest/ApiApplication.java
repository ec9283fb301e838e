package dev.parley.core.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API lives under {@code /api}; its OpenAPI document is served at {@code /openapi} (the
 * {@code mpOpenAPI} feature builds it from the resources and their annotations).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Parley API",
            version = "1",
            description =
                "The channel API (Rasa-compatible: REST webhook, model/parse, tracker) under"
                    + " /api/tenants/{tenant}/bots/{bot}, and the admin API under /api/admin."
                    + " Every error is JSON: {\"error\": code, \"message\": text}.",
            license = @License(name = "Apache-2.0")),
    tags = {
      @Tag(
          name = "channel",
          description =
              "A bot's channel API in Rasa's shapes. A bot with an API key needs it as a Bearer"
                  + " token."),
      @Tag(
          name = "admin",
          description =
              "Tenants, bots, users and conversations. HTTP Basic as 'admin', or a console session"
                  + " cookie with the X-Parley-CSRF header on changes.")
    })
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "basic",
      type = SecuritySchemeType.HTTP,
      scheme = "basic",
      description = "The admin account (PARLEY_ADMIN_PASSWORD)."),
  @SecurityScheme(
      securitySchemeName = "session",
      type = SecuritySchemeType.APIKEY,
      in = SecuritySchemeIn.COOKIE,
      apiKeyName = "parley_session",
      description = "A console session from POST /api/admin/session."),
  @SecurityScheme(
      securitySchemeName = "botKey",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      description = "A bot's API key, for its channel API.")
})
public class ApiApplication extends Application {}
