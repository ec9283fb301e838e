package dev.parley.core.nlu.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestSettings;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.bot.definition.ProjectFiles;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonlProjectTest {

  private static final String DATA =
      String.join(
          "\n",
          "{\"text\": \"fly to new york [now]\", \"intent\": \"book\", \"entities\": [{\"start\": 7, \"end\": 15, \"entity\": \"city\", \"value\": \"new york\"}]}",
          "{\"text\": \"fly to NYC\", \"intent\": \"book\", \"entities\": [{\"start\": 7, \"end\": 10, \"entity\": \"city\", \"value\": \"new york\"}]}",
          "{\"text\": \"book a flight to paris\", \"intent\": \"book\", \"entities\": [{\"start\": 17, \"end\": 22, \"entity\": \"city\", \"value\": \"paris\"}]}",
          "{\"text\": \"hello\", \"intent\": \"greet\"}",
          "{\"text\": \"hi there\", \"intent\": \"greet\"}",
          "{\"text\": \"good morning\", \"intent\": \"greet\"}");

  @Test
  void aJsonlDataSetBecomesAProjectThatTrainsAndKeepsItsAnnotations() {
    List<NluExample> examples = LabelledData.read(DATA);
    Map<String, String> files = JsonlProject.files(examples, JsonlProject.defaultConfig("en"));
    assertTrue(
        files.get("data/nlu.yml").contains("fly to [new york](city) (now)"), files.toString());
    assertTrue(
        files.get("data/nlu.yml").contains("[NYC]{\"entity\":\"city\",\"value\":\"new york\"}"));
    Map<String, String> unzipped = ProjectFiles.fromZip(JsonlProject.zip(files));
    var project = new BotProjectParser().parse(unzipped);
    List<NluExample> read = project.trainingData().examples();
    assertEquals(6, read.size());
    assertEquals(examples.get(1).entities(), read.get(1).entities());
    assertEquals("fly to new york (now)", read.get(0).text());
    BotModel model =
        new BotAssembler(new PluginRegistry(TestSettings.inDir("target/jsonl-project")))
            .assemble("t", "b", 1, project, new HashMap<>(), true);
    assertEquals(
        "greet",
        model.nlu().parse(new Message("hello there", "en", null)).intentRanking().get(0).name());
  }
}
