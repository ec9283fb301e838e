package dev.parley.plugins.entity.crf;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import java.util.List;

/**
 * Rasa's {@code CRFEntityExtractor}: a conditional random field learned from the annotated
 * examples. Rasa's feature and regularisation settings are accepted so that Rasa configs load;
 * Parley's CRF uses its own feature set.
 */
public final class CrfEntityExtractorFactory implements EntityExtractorFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "CRFEntityExtractor";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Entities learned from the annotated examples with a CRF sequence tagger";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        ConfigProperty.choice(
            "tag_scheme",
            "IO",
            List.of("IO", "BIO", "BILOU"),
            "token tags: IO is fastest (labels grow with the scheme, training time with their square)"),
        ConfigProperty.bool("BILOU_flag", false, "Rasa's switch: true means tag_scheme BILOU"),
        ConfigProperty.integer("max_iterations", 5, "training epochs"),
        ConfigProperty.number("learning_rate", 0.5, "AdaGrad's initial learning rate"),
        ConfigProperty.integer(
            "batch_size",
            1,
            "examples per gradient step; keep 1: Tribuo 4.3.2's CRF trainer uses only the first"
                + " example of each larger batch"),
        ConfigProperty.integer("window", 2, "neighbouring tokens either side used as features"),
        ConfigProperty.integer(
            "random_seed",
            1,
            "seed of the shuffle of the examples before every epoch (the same data and seed give"
                + " the same model, whatever order the examples are listed in)"),
        ConfigProperty.integer(
            "average_epochs",
            5,
            "the model keeps the average of the weights over the steps of this many last epochs"
                + " (steadier and on SNIPS, ATIS and CAIS better than the last weights; 0: the last"
                + " weights)"),
        ConfigProperty.list("features", null, "accepted for Rasa compatibility (ignored)"),
        ConfigProperty.number("L1_c", 0.1, "accepted for Rasa compatibility (ignored)"),
        ConfigProperty.number("L2_c", 0.1, "accepted for Rasa compatibility (ignored)"),
        ConfigProperty.bool(
            "split_entities_by_comma", true, "accepted for Rasa compatibility (ignored)"),
        ConfigProperty.list("featurizers", null, "accepted for Rasa compatibility (ignored)"));
  }

  @Override
  public EntityExtractor create(PluginContext context) {
    var config = context.config();
    try {
      return new CrfEntityExtractor(
          new CrfSettings(
              config.getBoolean("BILOU_flag")
                  ? TagScheme.Style.BILOU
                  : TagScheme.Style.valueOf(config.getString("tag_scheme").orElse("IO")),
              (int) config.getLong("window"),
              (int) config.getLong("max_iterations"),
              config.getDouble("learning_rate"),
              (int) config.getLong("batch_size"),
              config.getLong("random_seed"),
              (int) config.getLong("average_epochs")));
    } catch (IllegalArgumentException e) {
      throw new PluginException(ID + ": " + e.getMessage());
    }
  }
}
