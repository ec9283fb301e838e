import { describe, expect, it } from 'vitest';
import { TEXTS, translate } from './i18n.js';
import { parsePrometheus, point, pointsFromSamples, snapshot } from './metrics.js';
import { accuracy, confusion, intentRows, misclassified } from './evaluation.js';
import { Text } from '@codemirror/state';
import { diagnosticsAt, markList } from './editorMarks.js';
import { initialValues, inputType, toYaml } from './configForm.js';
import { problemsByFile, readProjectZip, writeProjectZip } from './project.js';

describe('i18n', () => {
  it('has an English and a Chinese text for every key', () => {
    for (const [key, pair] of Object.entries(TEXTS)) {
      expect(pair, key).toHaveLength(2);
      expect(pair[0].trim(), key).not.toBe('');
      expect(pair[1].trim(), key).not.toBe('');
    }
  });
  it('fills placeholders in both languages', () => {
    expect(translate('en', 'trained', { version: 3 })).toBe('Version 3 trained and active.');
    expect(translate('zh', 'trained', { version: 3 })).toBe('版本 3 已训练并启用。');
  });
  it('keeps the same placeholders in both languages', () => {
    for (const [key, [en, zh]] of Object.entries(TEXTS)) {
      const names = (s) => (s.match(/\{\w+\}/g) || []).sort().join();
      expect(names(zh), key).toBe(names(en));
    }
  });
});

const METRICS = `# HELP parley_turns_total turns
# TYPE parley_turns_total counter
parley_turns_total{bot="demo",mp_scope="application",tenant="demo"} 10.0
parley_turns_total{bot="other",mp_scope="application",tenant="demo"} 99.0
parley_low_confidence_turns_total{bot="demo",mp_scope="application",tenant="demo"} 2.0
parley_turn_duration_seconds{bot="demo",mp_scope="application",tenant="demo",quantile="0.5"} 0.012
parley_turn_duration_seconds{bot="demo",mp_scope="application",tenant="demo",quantile="0.95"} 0.030
parley_llm_fallbacks_total{bot="demo",reason="timeout",tenant="demo"} 1
parley_llm_fallbacks_total{bot="demo",reason="error",tenant="demo"} 2
parley_llm_calls_total{bot="demo",tenant="demo"} 6
`;

describe('metrics', () => {
  it('parses samples with labels', () => {
    const samples = parsePrometheus(METRICS);
    expect(samples).toHaveLength(8);
    expect(samples[0]).toEqual({ name: 'parley_turns_total', labels: { bot: 'demo', mp_scope: 'application', tenant: 'demo' }, value: 10 });
  });
  it('keeps to one bot and sums label variants', () => {
    const s = snapshot(parsePrometheus(METRICS), 'demo', 'demo', 0);
    expect(s.turns).toBe(10);
    expect(s.llmFallbacks).toBe(3);
    expect(s.p50).toBeCloseTo(12);
    expect(s.p99).toBeNull();
    expect(s.slotFailures).toBeNull();
  });
  it('turns two scrapes into rates', () => {
    const before = snapshot(parsePrometheus(METRICS), 'demo', 'demo', 0);
    const later = parsePrometheus(METRICS.replace('} 10.0', '} 40.0').replace('} 2.0', '} 8.0'));
    const p = point(before, snapshot(later, 'demo', 'demo', 30000));
    expect(p.turnsPerMinute).toBe(60);
    expect(p.lowConfidenceRate).toBeCloseTo(0.2);
    expect(p.llmFallbackRate).toBe(0);
    expect(p.recheckRate).toBeNull();
  });
});

describe('server metrics history', () => {
  it('turns samples into per-interval points', () => {
    const samples = [
      { time: 0, counters: { parley_turns_total: 5, parley_low_confidence_turns_total: 1 }, latency_ms: { '0.5': 4 } },
      { time: 10000, counters: { parley_turns_total: 15, parley_low_confidence_turns_total: 3 }, latency_ms: { '0.5': 6, '0.99': 20 } },
    ];
    const [p] = pointsFromSamples(samples);
    expect(p.turnsPerMinute).toBe(60);
    expect(p.lowConfidenceRate).toBeCloseTo(0.2);
    expect(p.p50).toBe(6);
    expect(p.p99).toBe(20);
    expect(pointsFromSamples([samples[0]])).toEqual([]);
  });
});

const EVAL = {
  report: {
    greet: { precision: 1, recall: 0.5, 'f1-score': 0.667, support: 2 },
    goodbye: { precision: 0.5, recall: 1, 'f1-score': 0.667, support: 1 },
    accuracy: 0.667,
    'macro avg': { precision: 0.75, recall: 0.75, 'f1-score': 0.667, support: 3 },
  },
  accuracy: 0.667,
  predictions: [
    { text: 'hi', intent: 'greet', predicted: 'greet', confidence: 0.9 },
    { text: 'hello there', intent: 'greet', predicted: 'goodbye', confidence: 0.6 },
    { text: 'bye', intent: 'goodbye', predicted: 'goodbye', confidence: 0.8 },
  ],
  errors: [{ text: 'hello there', intent: 'greet', intent_prediction: { name: 'goodbye', confidence: 0.6 } }],
};

describe('evaluation', () => {
  it('lists intents without the summary rows', () => {
    expect(intentRows(EVAL).map((r) => r.intent)).toEqual(['goodbye', 'greet']);
    expect(intentRows(EVAL)[1].f1).toBeCloseTo(0.667);
  });
  it('takes the server\'s confusion matrix when it is given', () => {
    const m = confusion({ confusion_matrix: { labels: ['a', 'b'], matrix: [[3, 1], [0, 2]] } });
    expect(m.labels).toEqual(['a', 'b']);
    expect(m.counts[0][1]).toBe(1);
    expect(m.max).toBe(3);
  });

  it('counts the confusion matrix from the predictions', () => {
    const m = confusion(EVAL);
    expect(m.labels).toEqual(['goodbye', 'greet']);
    expect(m.counts).toEqual([[1, 0], [1, 1]]);
    expect(m.max).toBe(1);
  });
  it('lists the misclassified examples and the accuracy', () => {
    expect(misclassified(EVAL)).toEqual([{ text: 'hello there', expected: 'greet', predicted: 'goodbye', confidence: 0.6 }]);
    expect(accuracy(EVAL)).toBeCloseTo(0.667);
    expect(accuracy(null)).toBeNull();
  });
});

describe('editor marks', () => {
  it('turns line marks into diagnostics over the line text, clamped to the document', () => {
    const doc = Text.of(['a: 1', '  b: 2', 'c: 3']);
    expect(diagnosticsAt(doc, { 2: 'bad b', 9: 'past the end' })).toEqual([
      { from: 7, to: 11, severity: 'error', message: 'bad b' },
      { from: 12, to: 16, severity: 'error', message: 'past the end' },
    ]);
  });
  it('marks warnings at their lines with the milder severity, errors first on a shared line', () => {
    const doc = Text.of(['a: 1', '  b: 2', 'c: 3']);
    expect(diagnosticsAt(doc, { 2: 'bad b' }, { 1: 'ignored a', 2: 'odd b' })).toEqual([
      { from: 0, to: 4, severity: 'warning', message: 'ignored a' },
      { from: 7, to: 11, severity: 'error', message: 'bad b' },
      { from: 7, to: 11, severity: 'warning', message: 'odd b' },
    ]);
    expect(diagnosticsAt(doc, {}, { 3: 'only a warning' })).toEqual([
      { from: 12, to: 16, severity: 'warning', message: 'only a warning' },
    ]);
  });
  it('lists marks by line', () => {
    expect(markList({ 10: 'x', 2: 'y' })).toEqual([{ line: 2, message: 'y' }, { line: 10, message: 'x' }]);
  });
});

describe('plugin config form', () => {
  const config = [
    { name: 'entity', type: 'STRING', default_value: 'order_number', description: 'entity name' },
    { name: 'case_sensitive', type: 'BOOLEAN', default_value: false },
    { name: 'threshold', type: 'DOUBLE', default_value: 0.5 },
    { name: 'api_key', type: 'STRING', secret: true },
  ];
  it('picks inputs from the declared types', () => {
    expect(config.map(inputType)).toEqual(['text', 'checkbox', 'number', 'password']);
  });
  it('starts from the defaults and writes config.yml without secrets', () => {
    const values = initialValues(config);
    expect(values).toEqual({ entity: 'order_number', case_sensitive: false, threshold: '0.5', api_key: '' });
    expect(toYaml('OrderNumberExtractor', config, values)).toBe(
      '- name: OrderNumberExtractor\n  entity: "order_number"\n  case_sensitive: false\n  threshold: 0.5',
    );
  });
});

describe('project zips', () => {
  it('round-trips files and drops a common top folder', () => {
    const zip = writeProjectZip({ 'bot/domain.yml': 'version: "3.1"\n', 'bot/data/nlu.yml': 'nlu: []\n' });
    expect(readProjectZip(zip)).toEqual({ 'domain.yml': 'version: "3.1"\n', 'data/nlu.yml': 'nlu: []\n' });
  });
  it('groups problems by file and line', () => {
    expect(problemsByFile([{ file: 'domain.yml', line: 4, message: 'a' }, { file: 'domain.yml', line: 4, message: 'b' }])).toEqual({
      'domain.yml': { 4: 'a; b' },
    });
  });
});

describe('config bounds', () => {
  it('says when a number is outside its declared bounds', async () => {
    const { boundsProblem } = await import('./configForm.js');
    const epochs = { name: 'epochs', type: 'INTEGER', min: 1, max: 10000 };
    expect(boundsProblem(epochs, '-5')).toEqual({ key: 'belowMin', min: 1 });
    expect(boundsProblem(epochs, '20000')).toEqual({ key: 'aboveMax', max: 10000 });
    expect(boundsProblem(epochs, '40')).toBeNull();
    expect(boundsProblem(epochs, '')).toBeNull();
    expect(boundsProblem({ name: 'x', min: null, max: null }, '-5')).toBeNull();
  });
});
