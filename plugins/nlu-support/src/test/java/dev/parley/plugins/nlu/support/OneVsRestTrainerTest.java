package dev.parley.plugins.nlu.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Model;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugins.testkit.NluDatasets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class OneVsRestTrainerTest {

  private static final LinearClassificationType DUAL =
      new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR_DUAL);

  @Test
  void theModelDoesNotDependOnTheThreadCount() {
    Data data = data();
    OneVsRestTrainer one = new OneVsRestTrainer(DUAL, 10, 1000, 0.1, 1);
    OneVsRestTrainer two = new OneVsRestTrainer(DUAL, 10, 1000, 0.1, 2);
    one.train(data.train());
    two.train(data.train());
    Model a = one.trained().orElseThrow();
    Model b = two.trained().orElseThrow();
    assertArrayEquals(a.getLabels(), b.getLabels());
    assertArrayEquals(a.getFeatureWeights(), b.getFeatureWeights());
    assertTrue(a.getNrClass() > 2);
  }

  @Test
  void itPredictsAsLiblinearsOwnOneVsRestDoes() {
    Data data = data();
    LibLinearClassificationModel parallel =
        (LibLinearClassificationModel)
            new OneVsRestTrainer(DUAL, 10, 1000, 0.01, 2).train(data.train());
    LibLinearClassificationModel sequential =
        (LibLinearClassificationModel)
            new LibLinearClassificationTrainer(DUAL, 10, 1000, 0.01).train(data.train());
    int same = 0;
    double largestGap = 0;
    for (var example : data.heldOut()) {
      Prediction<Label> p = parallel.predict(example);
      Prediction<Label> s = sequential.predict(example);
      same += p.getOutput().getLabel().equals(s.getOutput().getLabel()) ? 1 : 0;
      for (String label : s.getOutputScores().keySet()) {
        largestGap =
            Math.max(
                largestGap,
                Math.abs(
                    s.getOutputScores().get(label).getScore()
                        - p.getOutputScores().get(label).getScore()));
      }
    }
    // the two differ only in the solver's random order, so by less than its tolerance
    assertTrue(same >= data.heldOut().size() * 0.98, same + " of " + data.heldOut().size());
    assertTrue(largestGap < 0.05, "largest probability gap " + largestGap);
  }

  @Test
  void labelWeightsScaleEachClassesPositives() {
    Data data = data();
    String rare = data.train().getOutputInfo().getDomain().iterator().next().getLabel();
    OneVsRestTrainer weighted = new OneVsRestTrainer(DUAL, 10, 1000, 0.1, 2);
    weighted.setLabelWeights(Map.of(new Label(rare), 20f));
    LibLinearClassificationModel heavy =
        (LibLinearClassificationModel) weighted.train(data.train());
    LibLinearClassificationModel plain =
        (LibLinearClassificationModel)
            new OneVsRestTrainer(DUAL, 10, 1000, 0.1, 2).train(data.train());
    int heavyVotes = 0;
    int plainVotes = 0;
    for (var example : data.heldOut()) {
      heavyVotes += heavy.predict(example).getOutput().getLabel().equals(rare) ? 1 : 0;
      plainVotes += plain.predict(example).getOutput().getLabel().equals(rare) ? 1 : 0;
    }
    assertTrue(heavyVotes > plainVotes, heavyVotes + " vs " + plainVotes);
  }

  @Test
  void twoClassesGoThroughLiblinearUnchanged() {
    MutableDataset<Label> dataset = dataset();
    FeatureSpace space =
        FeatureSpace.fit(
            List.of("yes please", "no thanks"), new NgramFeaturizer(1, 1, 1, 2), true, true);
    for (int i = 0; i < 10; i++) {
      for (String[] row : new String[][] {{"yes", "yes please"}, {"no", "no thanks"}}) {
        dataset.add(LinearHead.example(new Label(row[0]), space, space.vector(row[1]), null, 0));
      }
    }
    OneVsRestTrainer trainer = new OneVsRestTrainer(DUAL, 10, 1000, 0.1, 2);
    LibLinearClassificationModel model = (LibLinearClassificationModel) trainer.train(dataset);
    assertEquals(2, trainer.trained().orElseThrow().getNrClass());
    assertEquals(
        "no",
        model
            .predict(
                LinearHead.example(LabelFactory.UNKNOWN_LABEL, space, space.vector("no"), null, 0))
            .getOutput()
            .getLabel());
  }

  private record Data(MutableDataset<Label> train, List<org.tribuo.Example<Label>> heldOut) {}

  private static MutableDataset<Label> dataset() {
    LabelFactory labels = new LabelFactory();
    return new MutableDataset<>(new SimpleDataSourceProvenance("test", labels), labels);
  }

  /** The Banking77 slice inside the repository, in a fixed shuffle. */
  private static Data data() {
    List<NluExample> all = new ArrayList<>(NluDatasets.fixture());
    Collections.shuffle(all, new Random(3));
    int cut = all.size() * 4 / 5;
    FeatureSpace space =
        FeatureSpace.fit(
            all.subList(0, cut).stream().map(NluExample::text).toList(),
            new NgramFeaturizer(1, 2, 1, 4),
            true,
            true);
    MutableDataset<Label> train = dataset();
    for (NluExample example : all.subList(0, cut)) {
      train.add(
          LinearHead.example(
              new Label(example.intent()), space, space.vector(example.text()), null, 0));
    }
    List<org.tribuo.Example<Label>> heldOut = new ArrayList<>();
    for (NluExample example : all.subList(cut, all.size())) {
      heldOut.add(
          LinearHead.example(
              new Label(example.intent()), space, space.vector(example.text()), null, 0));
    }
    return new Data(train, heldOut);
  }
}
