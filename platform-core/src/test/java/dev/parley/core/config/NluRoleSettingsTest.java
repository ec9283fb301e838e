package dev.parley.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NluRoleSettingsTest {

  @Test
  void aFullServerParsesItselfUnlessGivenAnNluServer() {
    NluRoleSettings full = new NluRoleSettings("full", Optional.empty(), Optional.empty());
    assertFalse(full.nluOnly());
    assertTrue(full.nluUrl().isEmpty());
    NluRoleSettings dialogue =
        new NluRoleSettings("FULL", Optional.of("http://nlu:9080"), Optional.of(" k "));
    assertEquals(Optional.of(URI.create("http://nlu:9080/")), dialogue.nluUrl());
    assertEquals(Optional.of("k"), dialogue.nluKey());
  }

  @Test
  void anNluServerTakesNoNluUrlAndUnknownRolesAreRefused() {
    assertTrue(new NluRoleSettings("nlu", Optional.of(" "), Optional.empty()).nluOnly());
    assertThrows(
        IllegalStateException.class,
        () -> new NluRoleSettings("nlu", Optional.of("http://other"), Optional.empty()));
    assertThrows(
        IllegalStateException.class,
        () -> new NluRoleSettings("dialog", Optional.empty(), Optional.empty()));
  }
}
