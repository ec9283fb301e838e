package dev.parley.plugins.nlu.logreg;

import dev.parley.plugins.nlu.support.TemperatureCalibratedClassifier;
import dev.parley.plugins.testkit.CalibrationBenchmarks;
import dev.parley.plugins.testkit.IntentBenchmarks;
import org.junit.jupiter.api.Test;

/**
 * ECE of the logistic-regression classifier before and after temperature scaling on the shared data
 * sets' test splits. Not a unit test: {@code mvn -B -q -pl plugins/nlu-logreg -am test
 * -Dtest=LogisticRegressionCalibrationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Ddatasets=snips,atis,banking77,cais_zh] [-Dper_intent=25]}.
 */
class LogisticRegressionCalibrationBenchmark {

  @Test
  void run() {
    System.out.println(CalibrationBenchmarks.header());
    for (String set : System.getProperty("datasets", "snips,atis,banking77,cais_zh").split(",")) {
      TemperatureCalibratedClassifier<?> classifier =
          (TemperatureCalibratedClassifier<?>)
              IntentBenchmarks.create(
                  new LogisticRegressionIntentClassifierFactory(),
                  set.endsWith("_zh") ? "zh" : "en");
      System.out.println(
          CalibrationBenchmarks.row(
              set, "LogisticRegressionIntentClassifier", classifier, classifier::uncalibrated));
      classifier.close();
    }
  }
}
