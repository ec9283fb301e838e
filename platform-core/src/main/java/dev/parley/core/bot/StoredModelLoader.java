package dev.parley.core.bot;

import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.ValidationMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Builds a stored bot version from its artifacts; when they cannot be loaded (a model stored by an
 * older Parley in a format this one no longer reads, or a component whose model this one adds),
 * trains the version again from its stored files so that the bot keeps serving after an upgrade.
 * The retrained model is kept in memory only, and says so in its warnings (which the versions API
 * and the console show); importing the bot again stores it.
 */
final class StoredModelLoader {

  private static final Logger LOG = Logger.getLogger(StoredModelLoader.class.getName());

  private final BotAssembler assembler;

  StoredModelLoader(BotAssembler assembler) {
    this.assembler = assembler;
  }

  BotModel load(
      String tenant, String bot, int version, BotProject project, Map<String, byte[]> artifacts) {
    try {
      return assembler.assemble(tenant, bot, version, project, artifacts, false);
    } catch (BotDefinitionException stored) {
      LOG.warning(
          () ->
              String.format(
                  "bot %s/%s version %d: its stored model cannot be loaded (%s); training it again"
                      + " from the version's files (import the bot again to store the new model)",
                  tenant, bot, version, stored.getMessage()));
      return assembler
          .assemble(tenant, bot, version, project, new HashMap<>(), true)
          .withWarning(
              new ValidationMessage(
                  "config.yml",
                  0,
                  "the stored model of version "
                      + version
                      + " could not be loaded ("
                      + stored.getMessage()
                      + "), so this server trained it again from the version's files at start;"
                      + " import the bot again to store a model this build reads"));
    }
  }
}
