package dev.parley.core;

import dev.parley.core.bot.BotStartup;
import java.util.Map;

/** The shipped demo bot's files, read from the classpath as the server reads them. */
public final class DemoBotFiles {

  private DemoBotFiles() {}

  public static Map<String, String> load() {
    return BotStartup.demoFiles();
  }
}
