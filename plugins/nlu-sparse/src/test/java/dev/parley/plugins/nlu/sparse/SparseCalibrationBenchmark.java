package dev.parley.plugins.nlu.sparse;

import dev.parley.plugins.nlu.support.TemperatureCalibratedClassifier;
import dev.parley.plugins.testkit.CalibrationBenchmarks;
import dev.parley.plugins.testkit.IntentBenchmarks;
import org.junit.jupiter.api.Test;

/**
 * ECE of the n-gram classifier before and after temperature scaling on the shared data sets' test
 * splits. Not a unit test: {@code mvn -B -q -pl plugins/nlu-sparse -am test
 * -Dtest=SparseCalibrationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Ddatasets=snips,atis,banking77,cais_zh] [-Dper_intent=25]}.
 */
class SparseCalibrationBenchmark {

  @Test
  void run() {
    System.out.println(CalibrationBenchmarks.header());
    for (String set : System.getProperty("datasets", "snips,atis,banking77,cais_zh").split(",")) {
      TemperatureCalibratedClassifier<?> classifier =
          (TemperatureCalibratedClassifier<?>)
              IntentBenchmarks.create(
                  new SparseIntentClassifierFactory(), set.endsWith("_zh") ? "zh" : "en");
      System.out.println(
          CalibrationBenchmarks.row(
              set, "SparseIntentClassifier", classifier, classifier::uncalibrated));
      classifier.close();
    }
  }
}
