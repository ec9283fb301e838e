// Prometheus text from /metrics → samples, and rates between two scrapes for one bot.

/** Parses Prometheus text exposition into [{name, labels, value}]. */
export function parsePrometheus(text) {
  const samples = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/);
    if (!m) continue;
    const labels = {};
    if (m[3]) {
      const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
      let l;
      while ((l = re.exec(m[3])) !== null) {
        labels[l[1]] = l[2].replace(/\\"/g, '"').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      }
    }
    const value = Number(m[4]);
    if (!Number.isNaN(value)) samples.push({ name: m[1], labels, value });
  }
  return samples;
}

function matches(sample, tenant, bot) {
  return (!tenant || sample.labels.tenant === tenant) && (!bot || sample.labels.bot === bot);
}

/** Sum of the samples of a metric (name prefix match for counters with suffixes) for a bot. */
export function total(samples, name, tenant, bot, extra = () => true) {
  let sum = 0;
  let found = false;
  for (const s of samples) {
    if (s.name === name && matches(s, tenant, bot) && extra(s)) {
      sum += s.value;
      found = true;
    }
  }
  return found ? sum : null;
}

/** A quantile of a timer in milliseconds, if exposed. */
export function quantileMs(samples, name, q, tenant, bot) {
  const s = samples.find(
    (x) => x.name === name && matches(x, tenant, bot) && x.labels.quantile !== undefined && Number(x.labels.quantile) === q,
  );
  return s ? s.value * 1000 : null;
}

function delta(now, before) {
  if (now === null) return null;
  return Math.max(0, now - (before === null ? 0 : before));
}

function ratio(a, b) {
  if (a === null || b === null) return null;
  return b === 0 ? 0 : a / b;
}

/** The snapshot of one scrape for a bot: the counters the dashboard follows. */
export function snapshot(samples, tenant, bot, time = Date.now()) {
  const count = (name, extra) => total(samples, name, tenant, bot, extra);
  return {
    time,
    turns: count('parley_turns_total'),
    lowConfidence: count('parley_low_confidence_turns_total'),
    failures: count('parley_turn_failures_total'),
    llmCalls: count('parley_llm_calls_total'),
    llmFallbacks: count('parley_llm_fallbacks_total'),
    rechecks: count('parley_nlu_recheck_total') ?? count('parley_recheck_total'),
    slotFailures: count('parley_slot_fill_failures_total'),
    p50: quantileMs(samples, 'parley_turn_duration_seconds', 0.5, tenant, bot),
    p95: quantileMs(samples, 'parley_turn_duration_seconds', 0.95, tenant, bot),
    p99: quantileMs(samples, 'parley_turn_duration_seconds', 0.99, tenant, bot),
  };
}

/** One point of the charts from two consecutive snapshots. */
export function point(before, now) {
  const minutes = (now.time - before.time) / 60000;
  const turns = delta(now.turns, before.turns);
  return {
    time: new Date(now.time).toLocaleTimeString(),
    turnsPerMinute: turns === null || minutes <= 0 ? null : Math.round((turns / minutes) * 10) / 10,
    lowConfidenceRate: ratio(delta(now.lowConfidence, before.lowConfidence), turns),
    recheckRate: ratio(delta(now.rechecks, before.rechecks), turns),
    llmFallbackRate: ratio(delta(now.llmFallbacks, before.llmFallbacks), delta(now.llmCalls, before.llmCalls)),
    slotFailures: delta(now.slotFailures, before.slotFailures),
    failures: delta(now.failures, before.failures),
    p50: now.p50,
    p95: now.p95,
    p99: now.p99,
  };
}

/** A snapshot (as {@link snapshot}) from one sample of the server's history endpoint. */
export function snapshotFromSample(sample) {
  const c = sample.counters || {};
  const v = (name) => (c[name] === undefined ? null : c[name]);
  const lat = sample.latency_ms || {};
  const q = (p) => (lat[p] === undefined ? null : lat[p]);
  return {
    time: sample.time,
    turns: v('parley_turns_total'),
    lowConfidence: v('parley_low_confidence_turns_total'),
    failures: v('parley_turn_failures_total'),
    llmCalls: v('parley_llm_calls_total'),
    llmFallbacks: v('parley_llm_fallbacks_total'),
    rechecks: v('parley_nlu_recheck_total') ?? v('parley_recheck_total'),
    slotFailures: v('parley_slot_fill_failures_total'),
    p50: q('0.5'),
    p95: q('0.95'),
    p99: q('0.99'),
  };
}

/** The chart points of a series of samples, oldest first. */
export function pointsFromSamples(samples) {
  const snaps = (samples || []).map(snapshotFromSample);
  const out = [];
  for (let i = 1; i < snaps.length; i += 1) out.push(point(snaps[i - 1], snaps[i]));
  return out;
}
