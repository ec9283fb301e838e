package dev.parley.core.bot;

import java.util.Map;
import java.util.Optional;

/**
 * Components that Parley has but that the default build of the server leaves out, each with the
 * build that puts it in: a bot naming one on a server built without it gets an error saying how to
 * get it rather than "unknown component".
 */
final class AddOnComponents {

  private static final String FINETUNE =
      "' needs the fine-tuning add-on (PyTorch), which this server was built without: build the"
          + " server with the Maven profile finetune (mvn -Pfinetune package, Linux x86-64 only)"
          + " or choose another classifier";

  private static final Map<String, String> ADD_ONS =
      Map.of(
          "FineTunedIntentClassifier", FINETUNE,
          "FineTunedEntityExtractor", FINETUNE);

  private AddOnComponents() {}

  /** Why {@code name} is not installed, if it is a component of an add-on build. */
  static Optional<String> missing(String name) {
    return Optional.ofNullable(ADD_ONS.get(name)).map(reason -> "component '" + name + reason);
  }
}
