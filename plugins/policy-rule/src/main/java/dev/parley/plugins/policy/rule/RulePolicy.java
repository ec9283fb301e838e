package dev.parley.plugins.policy.rule;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.PolicyPrediction;
import dev.parley.plugins.dialogue.Artifacts;
import dev.parley.plugins.dialogue.Element;
import dev.parley.plugins.dialogue.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Predicts from rules, runs active loops (forms) as Rasa's RulePolicy does, and falls back to the
 * core fallback action when the user said something no policy is sure about. In order: the loop's
 * happy path (unless the loop is rejected: {@link LoopHappyPath}); then the longest matching rule,
 * where a general rule's {@code action_listen} inside an active loop returns to the loop unless a
 * story or rule goes on otherwise there ({@link UnhappyPaths}); then the fallback.
 */
final class RulePolicy implements DialoguePolicy, Trainable {

  private static final String PATTERNS = "rules";
  private static final String UNHAPPY_PATHS = "loop-unhappy-paths";

  private final RulePolicySettings settings;
  private List<RulePattern> patterns = List.of();
  private UnhappyPaths unhappyPaths = UnhappyPaths.none();

  RulePolicy(RulePolicySettings settings) {
    this.settings = settings;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    patterns = RuleCompiler.compile(data.rules(), settings.checkContradictions());
    unhappyPaths = UnhappyPaths.learn(data.rules(), data.stories());
    Artifacts.write(storage, PATTERNS, new ArrayList<>(patterns));
    Artifacts.write(storage, UNHAPPY_PATHS, unhappyPaths);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void load(ModelStorage storage) {
    patterns = List.copyOf(Artifacts.read(storage, PATTERNS, ArrayList.class, RulePolicy.class));
    unhappyPaths =
        storage.read(UNHAPPY_PATHS).isPresent()
            ? Artifacts.read(storage, UNHAPPY_PATHS, UnhappyPaths.class, RulePolicy.class)
            : UnhappyPaths.none();
  }

  @Override
  public Optional<PolicyPrediction> predict(ConversationView conversation, Domain domain) {
    Optional<String> happyPath = LoopHappyPath.predict(conversation);
    if (happyPath.isPresent()) {
      return Optional.of(new PolicyPrediction(happyPath.get(), 1.0));
    }
    Optional<String> ruled = fromRules(conversation);
    if (ruled.isPresent()) {
      return Optional.of(new PolicyPrediction(ruled.get(), 1.0));
    }
    if (!settings.enableFallbackPrediction()) {
      return Optional.empty();
    }
    String fallback =
        userJustSpoke(conversation.sessionEvents())
            ? settings.fallbackAction()
            : Elements.ACTION_LISTEN;
    return Optional.of(new PolicyPrediction(fallback, settings.fallbackThreshold()));
  }

  /** The longest matching rule's action, with Rasa's return to an active loop. */
  private Optional<String> fromRules(ConversationView conversation) {
    List<Element> elements = Elements.ofEvents(conversation.sessionEvents(), false);
    RulePattern best = null;
    for (RulePattern pattern : patterns) {
      if ((best == null || pattern.moreSpecificThan(best))
          && RuleMatcher.matches(pattern, elements, conversation)) {
        best = pattern;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    Optional<String> loop = conversation.activeLoop();
    if (loop.isEmpty()
        || !best.action().equals(Elements.ACTION_LISTEN)
        || !best.leavesNoLoopActive()) {
      return Optional.of(best.action());
    }
    String intent = conversation.latestMessage().map(UserUttered::intentName).orElse(null);
    String latest = conversation.latestActionName().orElse(null);
    if (unhappyPaths.leavesLoopAfter(loop.get(), intent, latest)) {
      return Optional.empty(); // a story or rule goes on otherwise here: predict nothing
    }
    return loop; // rules need not switch back to the loop: it asks again
  }

  private static boolean userJustSpoke(List<Event> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof UserUttered) {
        return true;
      }
      if (event instanceof ActionExecuted action && !action.name().equals(Elements.ACTION_LISTEN)) {
        return false;
      }
    }
    return false;
  }
}
