// Issue 24: honest evaluation, safe versions, names.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { projectDiff } from './diffs.js';
import { idFromName, idProblem } from './names.js';
import { sortRows } from './sorting.js';
import { conversationLines } from './storyEvents.js';
import { formatDateTime } from './dates.js';
import { pollJob, stageText } from './training.js';
import { translate } from './i18n.js';
import SortableTable from './components/SortableTable.jsx';
import StoryFailure from './components/StoryFailure.jsx';
import FileDiff from './components/FileDiff.jsx';
import { TrainPreview } from './pages/BotPage.jsx';
import Evaluation from './pages/Evaluation.jsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('project diffs', () => {
  it('lists added, removed and changed files with their changed lines', () => {
    const diffs = projectDiff(
      { 'domain.yml': 'a: 1\nb: 2\n', 'old.yml': 'x\n', 'same.yml': 's\n' },
      { 'domain.yml': 'a: 1\nb: 3\n', 'new.yml': 'y\n', 'same.yml': 's\n' },
    );
    expect(diffs.map((d) => [d.file, d.status])).toEqual([['domain.yml', 'changed'], ['new.yml', 'added'], ['old.yml', 'removed']]);
    const domain = diffs[0];
    expect([domain.added, domain.removed]).toEqual([1, 1]);
    expect(domain.lines.filter((l) => l.kind === '-').map((l) => l.text)).toEqual(['b: 2']);
    expect(domain.lines.filter((l) => l.kind === '+').map((l) => l.text)).toEqual(['b: 3']);
  });

  it('shows each file with its counts', () => {
    const { container } = render(<FileDiff diffs={projectDiff({ 'a.yml': 'x\n' }, { 'a.yml': 'y\n' })} />);
    expect(screen.getByText('a.yml')).toBeTruthy();
    expect(container.querySelector('.diff-line.add').textContent).toContain('y');
    expect(container.querySelector('.diff-line.del').textContent).toContain('x');
  });
});

describe('names', () => {
  it('proposes an id from a display name', () => {
    expect(idFromName('Coffee Shop')).toBe('coffee-shop');
    expect(idFromName('  Café Crème! ')).toBe('cafe-creme');
    expect(idFromName('咖啡店')).toBe('');
  });

  it('says why an id is refused', () => {
    expect(idProblem('coffee-shop')).toBeNull();
    expect(idProblem('')).toBe('idEmpty');
    expect(idProblem('-x')).toBe('idStart');
    expect(idProblem('Coffee Shop')).toBe('idChars');
    expect(idProblem('a'.repeat(65))).toBe('idTooLong');
  });
});

describe('sorting and formatting', () => {
  it('sorts numbers as numbers and text by locale, both ways', () => {
    const rows = [{ n: 'b', v: 10 }, { n: 'a', v: 9 }, { n: 'c', v: 100 }];
    expect(sortRows(rows, 'v').map((r) => r.v)).toEqual([9, 10, 100]);
    expect(sortRows(rows, 'n', 'desc').map((r) => r.n)).toEqual(['c', 'b', 'a']);
  });

  it('formats dates in the UI language', () => {
    const when = '2026-12-06T13:05:00Z';
    expect(formatDateTime(when, 'zh')).toMatch(/2026年12月6日/);
    expect(formatDateTime(when, 'en')).toMatch(/6 Dec 2026/);
  });

  it('names the cross-validation fold in the progress', () => {
    expect(stageText((k, v) => translate('en', k, v), 'fold (2/5)')).toBe('fold 2 of 5');
  });

  it('polls a job until it is done', async () => {
    const answers = [{ state: 'running', stage: 'fold (2/5)', percent: 26 }, { state: 'done', stage: 'done', percent: 100, result: { ok: 1 } }];
    const seen = [];
    const out = await pollJob(async () => answers.shift(), 'jobs/j', { state: 'running', stage: 'fold (1/5)', percent: 10 }, (p) => seen.push(p.stage), { sleep: async () => {} });
    expect(out).toEqual({ ok: 1 });
    expect(seen).toEqual(['fold (1/5)', 'fold (2/5)', 'done']);
  });
});

describe('sortable table', () => {
  it('sorts by a column when its header is clicked, and reverses on a second click', () => {
    render(<SortableTable rowKey="intent" rows={[{ intent: 'greet', f1: 0.9 }, { intent: 'bye', f1: 0.5 }]} columns={[{ key: 'intent', label: 'Intent' }, { key: 'f1', label: 'F1', numeric: true }]} />);
    const firstCell = () => screen.getAllByRole('row')[1].querySelector('td').textContent;
    expect(firstCell()).toBe('bye');
    fireEvent.click(screen.getByRole('button', { name: /F1/ }));
    expect(firstCell()).toBe('bye');
    fireEvent.click(screen.getByRole('button', { name: /F1/ }));
    expect(firstCell()).toBe('greet');
    expect(screen.getByRole('columnheader', { name: /F1/ }).getAttribute('aria-sort')).toBe('descending');
  });
});

describe('a failed story in context', () => {
  const story = {
    story: 'sad path',
    passed: false,
    steps: ['intent: greet', 'action: utter_greet', 'intent: mood_unhappy', 'action: utter_cheer_up'],
    failed_step: 4,
    expected: 'action: utter_cheer_up',
    predicted: 'action: utter_goodbye',
    conversation: [
      { event: 'action', name: 'action_session_start' },
      { event: 'user', text: '/greet', parse_data: { intent: { name: 'greet', confidence: 1 } } },
      { event: 'action', name: 'utter_greet' },
      { event: 'bot', text: 'Hey! How are you?' },
      { event: 'slot', name: 'mood', value: 'sad' },
    ],
  };

  it('reads the conversation without listen and session noise', () => {
    expect(conversationLines(story.conversation).map((l) => l.kind)).toEqual(['user', 'action', 'bot', 'slot']);
  });

  it('marks the failing step and shows expected beside predicted and the bot view', () => {
    render(<StoryFailure story={story} />);
    const failing = document.querySelector('[aria-current="step"]');
    expect(failing.textContent).toContain('action: utter_cheer_up');
    expect(document.querySelectorAll('.story-steps li')).toHaveLength(4);
    const side = screen.getByTestId('expected-predicted');
    expect(side.textContent).toContain('utter_cheer_up');
    expect(side.textContent).toContain('utter_goodbye');
    expect(screen.getByTestId('bot-view').textContent).toContain('Hey! How are you?');
  });
});

describe('train preview', () => {
  it('shows the diff against the active version and sends the note on confirm', () => {
    const confirm = vi.fn();
    render(<TrainPreview from={{ version: 3, files: { 'domain.yml': 'a\n' } }} project={{ 'domain.yml': 'b\n' }} onConfirm={confirm} onCancel={() => {}} />);
    expect(screen.getByText('Changes against the active version v3')).toBeTruthy();
    expect(screen.getByTestId('file-diffs').textContent).toContain('domain.yml');
    fireEvent.change(screen.getByLabelText('Version note (optional)'), { target: { value: 'greeting fix' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and train' }));
    expect(confirm).toHaveBeenCalledWith('greeting fix');
  });
});

describe('evaluation page', () => {
  it('defaults to cross-validation and warns before scoring the training data', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ version: 1, files: { 'data/nlu.yml': 'nlu: []', 'tests/test_stories.yml': 'stories: []' } })));
    render(<Evaluation tenant="t" bot="b" />);
    await waitFor(() => expect(screen.getByLabelText(/cross-validation/).checked).toBe(true));
    expect(screen.queryByRole('note')).toBeNull();
    fireEvent.click(screen.getByLabelText(/training data itself/));
    expect(screen.getByRole('note').textContent).toMatch(/optimistic/);
  });

  it('runs cross-validation as a job with progress and labels every intent', async () => {
    const report = {
      method: 'cross_validation', folds: 5, examples: 40,
      intent_evaluation: {
        accuracy: 0.8,
        report: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x) => [x, { precision: 1, recall: 1, 'f1-score': 0.5, support: 5 }])),
        errors: [],
      },
    };
    const calls = [];
    vi.stubGlobal('fetch', vi.fn(async (url, init) => {
      calls.push(`${init.method} ${url}`);
      if (url.includes('/files')) return json({ version: 1, files: {} });
      if (url.includes('cross-validation')) return json({ job: 'j1', state: 'running', stage: 'fold (1/5)', percent: 10 }, 202);
      return json({ job: 'j1', state: 'done', stage: 'done', percent: 100, result: report });
    }));
    render(<Evaluation tenant="t" bot="b" />);
    await waitFor(() => expect(calls.length).toBe(1));
    fireEvent.click(screen.getByRole('button', { name: 'Run NLU evaluation' }));
    const result = await screen.findByTestId('nlu-result', {}, { timeout: 3000 });
    expect(calls).toContain('POST /api/admin/tenants/t/bots/b/test/nlu/cross-validation?folds=5');
    expect(within(result).getByTestId('nlu-method').textContent).toMatch(/5-fold stratified cross-validation over 40 examples/);
    expect(within(result).getAllByRole('row')).toHaveLength(9);
  });
});
