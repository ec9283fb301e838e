import { describe, expect, it } from 'vitest';
import { stageText, trainWithProgress } from './training.js';
import { translate } from './i18n.js';

function fakeApi(answers) {
  const calls = [];
  return {
    calls,
    call: async (method, path, options) => {
      calls.push([method, path, options]);
      return answers.shift();
    },
  };
}

describe('training with progress', () => {
  it('starts the job asynchronously, polls it and reports each stage until done', async () => {
    const api = fakeApi([
      { job: 'j 1', state: 'running', stage: 'parsing', percent: 5 },
      { job: 'j 1', state: 'running', stage: 'training DIETClassifier (2/4)', percent: 30 },
      { job: 'j 1', state: 'done', stage: 'done', percent: 100, result: { version: 3, bot: 'mood' } },
    ]);
    const seen = [];
    const sleeps = [];
    const out = await trainWithProgress(api.call, 'admin/tenants/t/bots/mood', { body: 'zip', contentType: 'application/zip' }, (p) => seen.push(p), { sleep: async (ms) => sleeps.push(ms) });
    expect(out).toEqual({ version: 3, bot: 'mood' });
    expect(api.calls[0]).toEqual(['PUT', 'admin/tenants/t/bots/mood?async=true', { body: 'zip', contentType: 'application/zip' }]);
    expect(api.calls[1]).toEqual(['GET', 'admin/tenants/t/bots/mood/jobs/j%201', undefined]);
    expect(seen.map((p) => p.percent)).toEqual([5, 30, 100]);
    expect(sleeps).toEqual([400, 400]);
  });

  it('throws a failed job as an API error with its file and line details', async () => {
    const details = [{ file: 'domain.yml', line: 3, message: 'unknown key' }];
    const api = fakeApi([
      { job: 'j', state: 'failed', stage: 'failed', percent: 5, result: { status: 422, error: 'invalid_bot', message: '1 problem(s)', details } },
    ]);
    const failure = await trainWithProgress(api.call, 'p', {}, () => {}, { sleep: async () => {} }).catch((e) => e);
    expect(failure.status).toBe(422);
    expect(failure.code).toBe('invalid_bot');
    expect(failure.details).toEqual(details);
  });

  it('names the stages in both languages', () => {
    const en = (k, v) => translate('en', k, v);
    const zh = (k, v) => translate('zh', k, v);
    expect(stageText(en, 'training DIETClassifier (2/4)')).toBe('training DIETClassifier (2/4)');
    expect(stageText(zh, 'training DIETClassifier (2/4)')).toBe('正在训练 DIETClassifier (2/4)');
    expect(stageText(en, 'storing')).toBe('storing the model');
    expect(stageText(zh, 'parsing')).toBe('正在解析项目');
    expect(stageText(en, 'something new')).toBe('something new');
  });
});
