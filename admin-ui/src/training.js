// Training in the background with a real progress bar: the import is sent with ?async=true (202
// with a job), then the job is polled until it is done (its answer) or failed (thrown like an API
// error, with file/line details for a broken project).
import { ApiFailure } from './api.js';

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Imports a bot and reports `{stage, percent}` while it trains; resolves to the import's answer.
 * `call(method, path, options)` is the API client; `sleep` is injectable for tests; `query` adds
 * parameters to the import (e.g. {note}).
 */
export async function trainWithProgress(call, path, options, onProgress, { intervalMs = 400, sleep = wait, query = {} } = {}) {
  const params = new URLSearchParams({ async: 'true' });
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, value);
  }
  const started = await call('PUT', `${path}?${params.toString()}`, options);
  return pollJob(call, `${path}/jobs/${encodeURIComponent(started.job)}`, started, onProgress, { intervalMs, sleep });
}

/**
 * Polls a background job of the bot (training or cross-validation) from its first answer until it
 * is done (resolves to its result) or failed (throws like an API error).
 */
export async function pollJob(call, jobPath, first, onProgress, { intervalMs = 400, sleep = wait } = {}) {
  let job = first;
  for (;;) {
    onProgress({ stage: job.stage, percent: job.percent });
    if (job.state === 'done') return job.result;
    if (job.state === 'failed') {
      const r = job.result || {};
      throw new ApiFailure(r.status || 500, r.error || 'training_failed', r.message || 'training failed', r.details);
    }
    await sleep(intervalMs);
    job = await call('GET', jobPath);
  }
}

/** A job's stage in the UI's language: parsing, training <component> (i/n), storing, activating. */
export function stageText(t, stage) {
  if (!stage) return '';
  const training = /^training (.+)$/.exec(stage);
  if (training) return t('stageTraining', { component: training[1] });
  const fold = /^fold \((\d+)\/(\d+)\)$/.exec(stage);
  if (fold) return t('stageFold', { fold: fold[1], folds: fold[2] });
  return ['queued', 'parsing', 'storing', 'activating', 'done', 'failed'].includes(stage) ? t(`stage_${stage}`) : stage;
}
