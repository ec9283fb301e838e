package dev.parley.core.bot.definition;

import dev.parley.core.bot.definition.StoryParser.RawStory;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a whole Rasa 3.x project: {@code domain.yml} (or {@code domain/*.yml}), {@code config.yml},
 * every YAML file under {@code data/} ({@code nlu}, {@code responses}, {@code stories}, {@code
 * rules}) and {@code tests/test_*.yml}; then validates it. All problems are reported together, each
 * with its file and line. As in Rasa, what Rasa trains with a warning (intents and entities that
 * only the NLU data names, unused responses) is a warning; what Rasa refuses is an error.
 */
public final class BotProjectParser {

  private final Function<String, Optional<String>> variables;

  /** Substitutes {@code ${ACTION_...}} variables from the server's configuration. */
  public BotProjectParser() {
    this(ProjectVariables.fromServer());
  }

  /** Substitutes {@code ${ACTION_...}} variables from the given lookup. */
  public BotProjectParser(Function<String, Optional<String>> variables) {
    this.variables = variables;
  }

  /**
   * Parses and validates a project.
   *
   * @param files path inside the project to file text
   * @throws BotDefinitionException with every problem found
   */
  public BotProject parse(Map<String, String> files) {
    Problems problems = new Problems();
    DomainParser domainParser = new DomainParser(problems);
    String domainFile = files.containsKey("domain.yml") ? "domain.yml" : "domain.yaml";
    boolean hasDomain = false;
    for (Map.Entry<String, String> file : files.entrySet()) {
      String name = file.getKey();
      if (name.equals("domain.yml")
          || name.equals("domain.yaml")
          || (name.startsWith("domain/") && isYaml(name))) {
        hasDomain = true;
        Yaml.parse(name, file.getValue(), problems)
            .ifPresent(root -> domainParser.read(name, root));
      }
    }
    if (!hasDomain) {
      problems.error("domain.yml", 0, "the project has no domain.yml");
    }
    Optional<BotConfig> config = Optional.empty();
    String configText = files.get(ConfigParser.FILE);
    if (configText == null) {
      problems.error(ConfigParser.FILE, 0, "the project has no config.yml");
    } else {
      config =
          Yaml.parse(ConfigParser.FILE, configText, problems).map(new ConfigParser(problems)::read);
    }
    NluDataParser nlu = new NluDataParser(problems);
    StoryParser storyParser = new StoryParser(problems);
    List<RawStory> stories = new ArrayList<>();
    List<RawStory> rules = new ArrayList<>();
    List<RawStory> tests = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      String name = file.getKey();
      boolean data = name.startsWith("data/") && isYaml(name);
      boolean test =
          name.startsWith("tests/") && isYaml(name) && baseName(name).startsWith("test_");
      if (!data && !test) {
        continue;
      }
      Optional<Node> root = Yaml.parse(name, file.getValue(), problems);
      if (root.isEmpty()) {
        continue;
      }
      Map<String, Node> sections = Yaml.mapping(root.get());
      if (sections.containsKey("nlu")) {
        nlu.read(name, sections.get("nlu"));
      }
      if (data && sections.containsKey("responses")) {
        domainParser.readDataResponses(name, sections.get("responses"));
      }
      if (sections.containsKey("stories")) {
        (test ? tests : stories).addAll(storyParser.read(name, sections.get("stories"), "story"));
      }
      if (sections.containsKey("rules")) {
        rules.addAll(storyParser.read(name, sections.get("rules"), "rule"));
      }
    }
    UndeclaredNames.warnAndAdopt(nlu.examples, domainParser, problems);
    Domain domain = domainParser.build();
    Optional<ActionEndpoint> actionEndpoint = readEndpoints(files, problems);

    ProjectValidator validator = new ProjectValidator(problems, domain, domainFile);
    validator.checkDomain(domainParser);
    validator.checkStories(stories, "story");
    validator.checkStories(rules, "rule");
    validator.checkStories(tests, "test story");
    validator.checkResponsesUsed(domainParser.responseLocations(), stories, rules, tests);
    StoryExpander expander = new StoryExpander(problems);
    List<Story> linearStories = expander.stories(stories);
    List<Story> testStories = expander.stories(tests);
    var linearRules = expander.rules(rules);
    if (nlu.examples.isEmpty()) {
      problems.warn("data/nlu.yml", 0, "the project has no intent examples");
    }
    if (!problems.errors.isEmpty() || config.isEmpty()) {
      throw new BotDefinitionException(problems.errors, problems.warnings);
    }
    List<NluExample> examples = nlu.examples.stream().map(NluDataParser.Located::example).toList();
    TrainingData training =
        new TrainingData(
            config.get().language(),
            domain,
            examples,
            nlu.synonyms,
            nlu.regexes,
            nlu.lookups,
            linearStories,
            linearRules);
    return new BotProject(
        config.get(),
        domain,
        training,
        testStories,
        problems.warnings,
        files,
        actionEndpoint,
        domainParser.actionLocations());
  }

  private Optional<ActionEndpoint> readEndpoints(Map<String, String> files, Problems problems) {
    String name = files.containsKey(EndpointsParser.FILE) ? EndpointsParser.FILE : "endpoints.yaml";
    String text = files.get(name);
    if (text == null) {
      return Optional.empty();
    }
    return Yaml.parse(name, text, problems)
        .flatMap(root -> new EndpointsParser(problems, variables).read(name, root));
  }

  /**
   * Parses a test-stories file ({@code test_stories.yml} format) against a bot's domain.
   *
   * @param file the name to report problems under
   * @throws BotDefinitionException with every problem found, each with its line
   */
  public List<Story> parseTestStories(String file, String text, Domain domain) {
    Problems problems = new Problems();
    List<RawStory> tests = new ArrayList<>();
    Yaml.parse(file, text, problems)
        .ifPresent(
            root -> {
              Map<String, Node> sections = Yaml.mapping(root);
              if (!sections.containsKey("stories")) {
                problems.error(file, Yaml.line(root), "a test stories file needs a 'stories' list");
                return;
              }
              tests.addAll(new StoryParser(problems).read(file, sections.get("stories"), "story"));
            });
    new ProjectValidator(problems, domain, "domain.yml").checkStories(tests, "test story");
    List<Story> stories = new StoryExpander(problems).stories(tests);
    if (!problems.errors.isEmpty()) {
      throw new BotDefinitionException(problems.errors);
    }
    return stories;
  }

  /**
   * Reads the intent examples of a Rasa NLU data file ({@code nlu:} section), e.g. test data.
   *
   * @param file the name to report problems under
   * @throws BotDefinitionException with every problem found, each with its line
   */
  public List<NluExample> parseNluExamples(String file, String text) {
    Problems problems = new Problems();
    NluDataParser nlu = new NluDataParser(problems);
    Yaml.parse(file, text, problems)
        .ifPresent(
            root -> {
              Map<String, Node> sections = Yaml.mapping(root);
              if (!sections.containsKey("nlu")) {
                problems.error(file, Yaml.line(root), "NLU data needs an 'nlu' list");
                return;
              }
              nlu.read(file, sections.get("nlu"));
            });
    if (!problems.errors.isEmpty()) {
      throw new BotDefinitionException(problems.errors);
    }
    return nlu.examples.stream().map(NluDataParser.Located::example).toList();
  }

  private static boolean isYaml(String name) {
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  private static String baseName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
