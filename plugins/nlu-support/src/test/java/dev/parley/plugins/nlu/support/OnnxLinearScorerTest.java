package dev.parley.plugins.nlu.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

class OnnxLinearScorerTest {

  private static final int FEATURES = 300;
  private static final int CLASSES = 6;
  private static final int DENSE = 4;

  @Test
  void theGraphComputesNormalisedSigmoidsOfTheScores() throws Exception {
    for (int denseSize : new int[] {0, DENSE}) {
      LinearWeights weights = weights(denseSize);
      try (OnnxLinearScorer scorer =
          new OnnxLinearScorer(OnnxLinearGraph.build(weights, "t"), denseSize)) {
        for (Input input : inputs(denseSize)) {
          assertArrayEquals(
              expected(weights, input),
              scorer.probabilities(input.sparse(), input.dense()),
              1e-6f,
              input.toString());
        }
      }
    }
  }

  @Test
  void modelsWrittenByEarlierVersionsGiveTheSameAnswers() throws Exception {
    for (int denseSize : new int[] {0, DENSE}) {
      LinearWeights weights = weights(denseSize);
      try (OnnxLinearScorer current =
              new OnnxLinearScorer(OnnxLinearGraph.build(weights, "t"), denseSize);
          OnnxLinearScorer legacy = new OnnxLinearScorer(legacyGraph(weights), denseSize)) {
        for (Input input : inputs(denseSize)) {
          assertArrayEquals(
              legacy.probabilities(input.sparse(), input.dense()),
              current.probabilities(input.sparse(), input.dense()),
              1e-6f);
        }
      }
    }
  }

  @Test
  void concurrentCallsGetTheirOwnAnswers() throws Exception {
    LinearWeights weights = weights(0);
    List<Input> inputs = inputs(0);
    try (OnnxLinearScorer scorer = new OnnxLinearScorer(OnnxLinearGraph.build(weights, "t"), 0)) {
      List<float[]> alone = new ArrayList<>();
      for (Input input : inputs) {
        alone.add(scorer.probabilities(input.sparse(), null));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int offset = t;
          results.add(
              pool.submit(
                  () -> {
                    int checked = 0;
                    for (int round = 0; round < 200; round++) {
                      int i = (round * 7 + offset) % inputs.size();
                      assertArrayEquals(
                          alone.get(i), scorer.probabilities(inputs.get(i).sparse(), null));
                      checked++;
                    }
                    return checked;
                  }));
        }
        for (Future<Integer> result : results) {
          assertEquals(200, result.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void aClosedScorerRefusesCalls() throws Exception {
    OnnxLinearScorer scorer = new OnnxLinearScorer(OnnxLinearGraph.build(weights(0), "t"), 0);
    scorer.probabilities(inputs(0).get(1).sparse(), null);
    scorer.close();
    scorer.close();
    assertThrows(
        IllegalStateException.class, () -> scorer.probabilities(inputs(0).get(1).sparse(), null));
  }

  private record Input(SparseFeatures sparse, float[] dense) {
    @Override
    public String toString() {
      return sparse.size() + " features";
    }
  }

  private static LinearWeights weights(int denseSize) {
    Random random = new Random(5);
    float[] sparse = new float[FEATURES * CLASSES];
    for (int i = 0; i < sparse.length; i++) {
      sparse[i] = (float) random.nextGaussian();
    }
    float[] dense = new float[denseSize * CLASSES];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = (float) random.nextGaussian();
    }
    float[] bias = new float[CLASSES];
    for (int i = 0; i < bias.length; i++) {
      bias[i] = (float) random.nextGaussian();
    }
    return new LinearWeights(FEATURES, denseSize, CLASSES, sparse, dense, bias);
  }

  /** Vectors of 0, 1, a few and more features than a workspace starts with. */
  private static List<Input> inputs(int denseSize) {
    Random random = new Random(9);
    List<Input> inputs = new ArrayList<>();
    for (int size : new int[] {0, 1, 3, 17, 64, 65, 250, 2}) {
      TreeSet<Integer> ids = new TreeSet<>();
      while (ids.size() < size) {
        ids.add(random.nextInt(FEATURES));
      }
      int[] indices = ids.stream().mapToInt(Integer::intValue).toArray();
      float[] values = new float[size];
      for (int i = 0; i < size; i++) {
        values[i] = random.nextFloat();
      }
      float[] dense = null;
      if (denseSize > 0) {
        dense = new float[denseSize];
        for (int d = 0; d < denseSize; d++) {
          dense[d] = (float) random.nextGaussian();
        }
      }
      inputs.add(new Input(new SparseFeatures(indices, values), dense));
    }
    return inputs;
  }

  private static float[] expected(LinearWeights w, Input input) {
    double[] scores = new double[w.classes()];
    double total = 0;
    for (int c = 0; c < w.classes(); c++) {
      double logit = w.bias()[c];
      for (int i = 0; i < input.sparse().size(); i++) {
        logit +=
            input.sparse().values()[i]
                * w.sparseWeights()[input.sparse().indices()[i] * CLASSES + c];
      }
      for (int d = 0; d < w.denseSize(); d++) {
        logit += input.dense()[d] * w.denseWeights()[d * CLASSES + c];
      }
      scores[c] = 1 / (1 + Math.exp(-logit));
      total += scores[c];
    }
    float[] probabilities = new float[w.classes()];
    for (int c = 0; c < w.classes(); c++) {
      probabilities[c] = (float) (scores[c] / total);
    }
    return probabilities;
  }

  /** The graph as the first versions wrote it (gather, multiply, reduce), as stored models have. */
  private static byte[] legacyGraph(LinearWeights weights) {
    ONNXContext context = new ONNXContext();
    int classes = weights.classes();
    ONNXRef<?> logits = context.array("bias", weights.bias());
    ONNXPlaceholder indices = context.floatInput(OnnxLinearGraph.INDICES, 1);
    ONNXPlaceholder values = context.floatInput(OnnxLinearGraph.VALUES, 1);
    ONNXInitializer table =
        context.floatTensor(
            "sparse_weights",
            List.of(weights.sparseSize(), classes),
            buffer -> buffer.put(weights.sparseWeights()));
    ONNXNode rows =
        context.operation(
            ONNXOperators.GATHER,
            List.of(table, indices.cast(long.class)),
            "rows",
            Map.of("axis", 0));
    ONNXNode scale =
        values.apply(ONNXOperators.UNSQUEEZE, context.array("axis_two", new long[] {2}));
    ONNXNode summed =
        context.operation(
            ONNXOperators.REDUCE_SUM,
            List.of(
                rows.apply(ONNXOperators.MUL, scale), context.array("axis_zero", new long[] {0})),
            "summed",
            Map.of("keepdims", 0));
    logits = summed.apply(ONNXOperators.ADD, logits);
    if (weights.denseSize() > 0) {
      ONNXPlaceholder embedding =
          context.floatInput(OnnxLinearGraph.EMBEDDING, weights.denseSize());
      ONNXInitializer dense =
          context.floatTensor(
              "dense_weights",
              List.of(weights.denseSize(), classes),
              buffer -> buffer.put(weights.denseWeights()));
      logits =
          logits.apply(
              ONNXOperators.ADD,
              context.operation(
                  ONNXOperators.GEMM, List.of(embedding, dense), "projected", Map.of()));
    }
    ONNXNode scores = logits.apply(ONNXOperators.SIGMOID);
    ONNXNode total =
        context.operation(
            ONNXOperators.REDUCE_SUM,
            List.of(scores, context.array("axis_one", new long[] {1})),
            "total",
            Map.of("keepdims", 1));
    scores
        .apply(ONNXOperators.DIV, total)
        .assignTo(context.floatOutput(OnnxLinearGraph.PROBABILITIES, classes));
    return OnnxMl.ModelProto.newBuilder()
        .setGraph(context.buildGraph())
        .setIrVersion(7)
        .addOpsetImport(ONNXOperators.getOpsetProto())
        .build()
        .toByteArray();
  }
}
