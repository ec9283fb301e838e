package dev.parley.cli;

import dev.parley.core.actionserver.ActionServerActions;
import dev.parley.core.actionserver.ActionServerHttp;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.MessageParser;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.tracker.ConversationLocks;
import dev.parley.core.turn.BotMessage;
import dev.parley.core.turn.DialogueLoop;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.core.turn.ReplyPhrasing;
import dev.parley.core.turn.TurnProcessor;
import dev.parley.core.turn.TurnResult;
import dev.parley.plugin.bot.ResponseVariation.Button;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.ParseResult;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code parley shell <project>}: talks to the bot in the terminal, one message a line from
 * standard input (so it also takes piped input), through the same turn code as the server (an
 * in-memory conversation; custom actions on the bot's action server when it has one). Each message
 * is answered with a line {@code > intent (confidence) [entities]} and the bot's messages, each
 * {@code bot: text}. {@code /stop} (or the end of the input) ends the session, {@code /restart}
 * starts a new conversation. Exits 0, or 1 when the project is invalid.
 */
final class ShellCommand {

  static final String USAGE = "usage: parley shell <project> [--sender ID]";

  private final InputStream input;

  ShellCommand(InputStream input) {
    this.input = input;
  }

  int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments = Arguments.parse(args, Set.of());
    if (arguments.positional().size() != 1) {
      throw new Arguments.UsageException(USAGE);
    }
    String path = arguments.positional().get(0);
    LocalBot bot = LocalBot.open(path);
    BotModel model;
    try {
      BotProject project = bot.parse();
      err.println((bot.trained() ? "loading " : "training ") + bot.name() + " ...");
      model = bot.model(project);
    } catch (BotDefinitionException invalid) {
      Problems.print(path, "error", invalid.errors(), err);
      return 1;
    }
    try {
      converse(model, arguments.option("sender").orElse("shell"), out, err);
    } finally {
      model.nlu().retire();
    }
    return 0;
  }

  private void converse(BotModel model, String sender, PrintStream out, PrintStream err)
      throws Exception {
    TurnProcessor turns =
        new TurnProcessor(
            new MemoryConversations(),
            new ConversationLocks(settings()),
            MessageParser.DIRECT,
            DialogueLoop.live(
                ReplyPhrasing.TEMPLATES,
                new ActionServerActions(PluginGuard.standalone(), new ActionServerHttp(5000))));
    boolean interactive = System.console() != null && input == System.in;
    err.println("Bot " + model.bot() + " is ready. Type a message; /stop ends, /restart restarts.");
    BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    int conversation = 0;
    String line;
    while (true) {
      if (interactive) {
        out.print("you: ");
        out.flush();
      }
      line = lines.readLine();
      if (line == null || line.strip().equals("/stop")) {
        return;
      }
      if (line.isBlank()) {
        continue;
      }
      if (line.strip().equals("/restart")) {
        conversation++;
        out.println("(new conversation)");
        continue;
      }
      if (!interactive) {
        out.println("you: " + line.strip());
      }
      String id = conversation == 0 ? sender : sender + "-" + conversation;
      TurnResult result =
          turns.handle(model, new IncomingMessage(id, line.strip(), null, Map.of(), "cmdline"));
      out.println("  > " + understood(result.parse()));
      for (BotMessage message : result.messages()) {
        print(message, out);
      }
    }
  }

  private static String understood(ParseResult parse) {
    StringBuilder text =
        new StringBuilder(parse.intent().name())
            .append(String.format(Locale.ROOT, " (%.3f)", parse.intent().confidence()));
    if (!parse.entities().isEmpty()) {
      text.append(
          parse.entities().stream()
              .map(ShellCommand::entity)
              .collect(Collectors.joining(", ", " [", "]")));
    }
    return text.toString();
  }

  private static String entity(Entity entity) {
    return entity.entity() + "=" + entity.value();
  }

  private static void print(BotMessage message, PrintStream out) {
    if (message.text() != null) {
      out.println("bot: " + message.text());
    }
    for (Button button : message.buttons()) {
      out.println("     [" + button.title() + "] " + button.payload());
    }
    if (message.image() != null) {
      out.println("bot: (image) " + message.image());
    }
    if (!message.custom().isEmpty()) {
      out.println("bot: (custom) " + message.custom());
    }
  }

  private static ServerSettings settings() {
    return new ServerSettings(
        System.getProperty("java.io.tmpdir") + "/parley-cli",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        4096,
        10_000,
        1000,
        30,
        false);
  }
}
