// Shapes of Rasa's /model/test/intents answer, made ready for the charts.

const SUMMARY_ROWS = new Set(['accuracy', 'macro avg', 'weighted avg', 'micro avg']);

/** Per-intent rows {intent, f1, precision, recall, support} from the report, by intent name. */
export function intentRows(evaluation) {
  const report = (evaluation && evaluation.report) || {};
  return Object.entries(report)
    .filter(([name, row]) => !SUMMARY_ROWS.has(name) && row && typeof row === 'object')
    .map(([intent, row]) => ({
      intent,
      f1: Number(row['f1-score'] ?? row.f1_score ?? 0),
      precision: Number(row.precision ?? 0),
      recall: Number(row.recall ?? 0),
      support: Number(row.support ?? 0),
    }))
    .sort((a, b) => a.intent.localeCompare(b.intent));
}

/**
 * The confusion matrix {labels, counts[expected][predicted], max}: the server's
 * `confusion_matrix` when given, else counted from the predictions.
 */
export function confusion(evaluation) {
  const given = evaluation && evaluation.confusion_matrix;
  if (given && Array.isArray(given.labels) && Array.isArray(given.matrix)) {
    const max = given.matrix.reduce((m, row) => Math.max(m, ...row), 0);
    return { labels: given.labels, counts: given.matrix, max };
  }
  const predictions = (evaluation && evaluation.predictions) || [];
  const labels = [...new Set(predictions.flatMap((p) => [p.intent, p.predicted]).filter(Boolean))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = labels.map(() => labels.map(() => 0));
  let max = 0;
  for (const p of predictions) {
    if (!index.has(p.intent) || !index.has(p.predicted)) continue;
    const row = counts[index.get(p.intent)];
    row[index.get(p.predicted)] += 1;
    max = Math.max(max, row[index.get(p.predicted)]);
  }
  return { labels, counts, max };
}

/** The misclassified examples: from `errors`, else the predictions that differ. */
export function misclassified(evaluation) {
  if (!evaluation) return [];
  if (Array.isArray(evaluation.errors)) {
    return evaluation.errors.map((e) => ({
      text: e.text,
      expected: e.intent,
      predicted: e.intent_prediction ? e.intent_prediction.name : e.predicted,
      confidence: e.intent_prediction ? e.intent_prediction.confidence : e.confidence,
    }));
  }
  return (evaluation.predictions || [])
    .filter((p) => p.intent !== p.predicted)
    .map((p) => ({ text: p.text, expected: p.intent, predicted: p.predicted, confidence: p.confidence }));
}

/** Accuracy from the evaluation (field or report row). */
export function accuracy(evaluation) {
  if (!evaluation) return null;
  if (typeof evaluation.accuracy === 'number') return evaluation.accuracy;
  const row = evaluation.report && evaluation.report.accuracy;
  return typeof row === 'number' ? row : null;
}
