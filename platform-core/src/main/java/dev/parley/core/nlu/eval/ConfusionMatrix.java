package dev.parley.core.nlu.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts of (true label, predicted label): {@code matrix[i][j]} is how many messages of {@code
 * labels[i]} were predicted as {@code labels[j]}; labels sorted, as scikit-learn's {@code
 * confusion_matrix} with the sorted union of labels.
 *
 * @param labels row and column labels
 * @param matrix the counts
 */
public record ConfusionMatrix(List<String> labels, long[][] matrix) {

  /** The matrix of these predictions against the truth (same order). */
  public static ConfusionMatrix of(List<String> truth, List<String> predicted) {
    TreeSet<String> sorted = new TreeSet<>(truth);
    sorted.addAll(predicted);
    List<String> labels = new ArrayList<>(sorted);
    Map<String, Integer> index = new LinkedHashMap<>();
    labels.forEach(label -> index.put(label, index.size()));
    long[][] matrix = new long[labels.size()][labels.size()];
    for (int i = 0; i < truth.size(); i++) {
      matrix[index.get(truth.get(i))][index.get(predicted.get(i))]++;
    }
    return new ConfusionMatrix(List.copyOf(labels), matrix);
  }

  /** How many messages of {@code truth} were predicted as {@code predicted}. */
  public long count(String truth, String predicted) {
    int row = labels.indexOf(truth);
    int column = labels.indexOf(predicted);
    return row < 0 || column < 0 ? 0 : matrix[row][column];
  }

  /** As JSON: {@code labels} and {@code matrix}. */
  public Map<String, Object> toMap() {
    List<List<Long>> rows = new ArrayList<>();
    for (long[] row : matrix) {
      List<Long> values = new ArrayList<>();
      for (long value : row) {
        values.add(value);
      }
      rows.add(values);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("labels", labels);
    out.put("matrix", rows);
    return out;
  }
}
