package dev.parley.plugins.entity.crf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.SpanScore;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trains on a slice of the shared SNIPS train split and scores on its valid split. SNIPS is not in
 * the repository (its published split states no licence), so the test is skipped where {@code
 * shared/datasets/snips} is not beside the checkout (or named by {@code -Dparley.datasets}); the
 * CRF's other tests run on data inside the repository.
 */
class SnipsSliceTest {

  @Test
  void learnsSnipsSlotsFromASlice() {
    assumeTrue(
        NluDatasets.has("snips", "valid"),
        "SNIPS not found: no shared/datasets/snips/{train,valid}.jsonl above the working directory");
    List<NluExample> train = NluDatasets.read("snips", "train").subList(0, 1500);
    List<NluExample> valid = NluDatasets.read("snips", "valid").subList(0, 200);
    TrainingDataBuilder builder = new TrainingDataBuilder();
    train.forEach(builder::example);
    CrfEntityExtractor extractor =
        new CrfEntityExtractor(new CrfSettings(TagScheme.Style.IO, 2, 5, 0.5, 1, 1L, 5));
    extractor.train(builder.build(), new MemoryStorage());
    SpanScore score = new SpanScore();
    for (NluExample example : valid) {
      score.add(example, extractor.extract(new Message(example.text(), "en", null), List.of()));
    }
    assertTrue(score.f1() > 0.7, "exact-span F1 on 200 valid sentences: " + score.f1());
  }
}
