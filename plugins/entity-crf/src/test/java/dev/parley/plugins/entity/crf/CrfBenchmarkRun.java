package dev.parley.plugins.entity.crf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link CrfBenchmark} from Maven when asked (not a test: its name keeps it out of the suite):
 * {@code -Dcrf.benchmark="test snips atis cais_zh"} (the split first, then the data sets).
 */
class CrfBenchmarkRun {

  @Test
  @EnabledIfSystemProperty(named = "crf.benchmark", matches = ".+")
  void printsTheTable() {
    CrfBenchmark.main(System.getProperty("crf.benchmark").trim().split("\\s+"));
  }
}
