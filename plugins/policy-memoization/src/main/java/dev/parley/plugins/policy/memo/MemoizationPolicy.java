package dev.parley.plugins.policy.memo;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.Rule;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.PolicyPrediction;
import dev.parley.plugins.dialogue.Artifacts;
import dev.parley.plugins.dialogue.Element;
import dev.parley.plugins.dialogue.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Remembers, for every action in the stories, the last {@code max_history} dialogue states before
 * it; predicts that action with confidence 1 when a conversation is in the same situation. The
 * augmented variant also tries shorter histories, down to one state.
 */
final class MemoizationPolicy implements DialoguePolicy, Trainable {

  private static final String LOOKUP = "lookup";
  private static final String ENTITIES = "entities";
  private static final String AMBIGUOUS = "\u0000ambiguous";

  private final int maxHistory;
  private final boolean augmented;
  private final Domain domain;
  private HashMap<String, String> lookup = new HashMap<>();
  private Set<String> entityFeatures = Set.of();

  MemoizationPolicy(int maxHistory, boolean augmented, Domain domain) {
    this.maxHistory = maxHistory;
    this.augmented = augmented;
    this.domain = domain;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    TreeSet<String> entities = new TreeSet<>();
    List<List<StoryStep>> trajectories = new ArrayList<>();
    data.stories().stream().map(Story::steps).forEach(trajectories::add);
    data.rules().stream()
        .filter(Rule::waitForUserInput)
        .map(Rule::steps)
        .forEach(trajectories::add);
    for (List<StoryStep> steps : trajectories) {
      for (StoryStep step : steps) {
        if (step instanceof StoryStep.User user) {
          user.entities().forEach(e -> entities.add(e.entity()));
        }
      }
    }
    entityFeatures = entities;
    StateFeaturizer featurizer = new StateFeaturizer(domain, entityFeatures);
    HashMap<String, String> learned = new HashMap<>();
    for (List<StoryStep> steps : trajectories) {
      List<Element> elements = new ArrayList<>(Elements.ofSteps(steps, true));
      if (elements.get(elements.size() - 1).kind() == Element.Kind.ACTION) {
        elements.add(new Element(Element.Kind.ACTION, Elements.ACTION_LISTEN, null, null, null));
      }
      List<String> states = new ArrayList<>();
      for (StateFeaturizer.Step step : featurizer.steps(elements)) {
        states.add(step.state());
        if (step.action() != null) {
          for (String key : keys(states)) {
            String previous = learned.putIfAbsent(key, step.action());
            if (previous != null && !previous.equals(step.action())) {
              learned.put(key, AMBIGUOUS);
            }
          }
        }
      }
    }
    learned.values().removeIf(AMBIGUOUS::equals);
    lookup = learned;
    Artifacts.write(storage, LOOKUP, lookup);
    Artifacts.write(storage, ENTITIES, entities);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void load(ModelStorage storage) {
    lookup = Artifacts.read(storage, LOOKUP, HashMap.class, MemoizationPolicy.class);
    entityFeatures =
        new HashSet<>(Artifacts.read(storage, ENTITIES, TreeSet.class, MemoizationPolicy.class));
  }

  @Override
  public Optional<PolicyPrediction> predict(ConversationView conversation, Domain domain) {
    StateFeaturizer featurizer = new StateFeaturizer(this.domain, entityFeatures);
    List<Element> elements = new ArrayList<>();
    elements.add(new Element(Element.Kind.ACTION, Elements.ACTION_LISTEN, null, null, null));
    List<Element> events = Elements.ofEvents(conversation.sessionEvents(), true);
    boolean startsWithListen =
        !events.isEmpty()
            && events.get(0).name() != null
            && events.get(0).name().equals(Elements.ACTION_LISTEN);
    elements.addAll(startsWithListen ? events.subList(1, events.size()) : events);
    List<String> states =
        featurizer.steps(elements).stream().map(StateFeaturizer.Step::state).toList();
    List<String> keys = keys(states);
    for (int i = keys.size() - 1; i >= 0; i--) {
      String action = lookup.get(keys.get(i));
      if (action != null) {
        return Optional.of(new PolicyPrediction(action, 1.0));
      }
      if (!augmented) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * The lookup keys for the situation at the end of {@code states}: the last {@code max_history}
   * states (padded at the start); the augmented variant also every shorter history, shortest first.
   */
  private List<String> keys(List<String> states) {
    List<String> keys = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    for (int length = 1; length <= maxHistory; length++) {
      String state = length <= states.size() ? states.get(states.size() - length) : "pad";
      key.insert(0, state + "\n");
      if (augmented || length == maxHistory) {
        keys.add(key.toString());
      }
    }
    return keys;
  }
}
