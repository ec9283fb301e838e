package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifierFactory;
import dev.parley.plugins.nlu.support.LinearClassifierConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CascadeIntentClassifier}: the sparse n-gram classifier answers when its confidence reaches
 * a threshold calibrated on held-out examples of the bot, the hybrid classifier (n-grams and a
 * sentence embedding) answers the rest. {@code cascade: false} serves the hybrid alone.
 */
public final class CascadeIntentClassifierFactory implements IntentClassifierFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "CascadeIntentClassifier";

  /** The setting naming the bot's out-of-scope intent. */
  public static final String OOS_INTENT = "oos_intent";

  /** The out-of-scope intent of a bot that names none (Rasa's). */
  public static final String DEFAULT_OOS_INTENT = "out_of_scope";

  private final HybridIntentClassifierFactory hybrid = new HybridIntentClassifierFactory();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "The n-gram classifier where it is confident, the n-gram + embedding classifier for the"
        + " rest (threshold calibrated on held-out examples)";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    List<ConfigProperty> properties = new ArrayList<>(hybrid.configProperties());
    properties.add(LinearClassifierConfig.augmentUnknownWords());
    properties.add(
        ConfigProperty.bool(
            "cascade",
            true,
            "let the n-gram classifier answer where it is confident; false: always the hybrid"));
    properties.add(
        ConfigProperty.number(
            "min_sparse_confidence",
            0.7,
            "the lowest confidence at which the n-gram classifier may answer, whatever the"
                + " calibration chooses; 0.7, Parley's default fallback threshold, so a message the"
                + " hybrid would answer is not sent to fallback by a less confident n-gram answer"
                + " (set it to the bot's fallback threshold)"));
    properties.add(
        ConfigProperty.number(
            "oos_max_flagged",
            0.05,
            "out-of-scope detection: the most held-out in-scope examples (a share) the detector may"
                + " send to nlu_fallback; 0 turns the detector off"));
    properties.add(
        ConfigProperty.string(
            OOS_INTENT,
            DEFAULT_OOS_INTENT,
            "the bot's out-of-scope intent, if it has examples of it: classified like any intent,"
                + " but not in scope for the detector (set from parley.nlu.oos_intent)"));
    return properties;
  }

  @Override
  public IntentClassifier create(PluginContext context) {
    if (!context.config().getBoolean("cascade")) {
      return hybrid.create(context);
    }
    double floor = context.config().getDouble("min_sparse_confidence");
    if (!(floor >= 0 && floor <= 1)) {
      throw new PluginException("min_sparse_confidence must be between 0 and 1");
    }
    double maxFlagged = context.config().getDouble("oos_max_flagged");
    if (!(maxFlagged >= 0 && maxFlagged < 1)) {
      throw new PluginException("oos_max_flagged must be between 0 and 1");
    }
    SparseIntentClassifierFactory sparse = new SparseIntentClassifierFactory();
    return new CascadeIntentClassifier(
        () -> sparse.model(context),
        () -> (EmbeddingIntentClassifier) hybrid.create(context),
        floor,
        maxFlagged,
        context.config().getString(OOS_INTENT).orElse(DEFAULT_OOS_INTENT));
  }
}
