// The editor checks the files through the validate-only endpoint while you type: errors and warnings.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import BotPage from './pages/BotPage.jsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('live validation', () => {
  it('marks a problem at its line before any training, and clears it once fixed', async () => {
    const validated = [];
    vi.stubGlobal('fetch', vi.fn(async (url, init) => {
      if (url.endsWith('/versions')) return json({ active_version: 1, versions: [], warnings: [] });
      if (url.includes('/files')) return json({ version: 1, files: { 'domain.yml': 'intents:\n  - greet\n' } });
      if (url.endsWith('/validate')) {
        const files = JSON.parse(init.body).files;
        validated.push(files['domain.yml']);
        return json(files['domain.yml'].includes('oops')
          ? { valid: false, problems: [{ file: 'domain.yml', line: 2, message: 'bad intent' }], warnings: [] }
          : { valid: true, problems: [], warnings: [] });
      }
      throw new Error('unexpected ' + url);
    }));
    const { container } = render(<BotPage tenant="t" bot="b" canWrite />);
    fireEvent.click(await screen.findByRole('button', { name: /Edit domain\.yml/ }));
    await waitFor(() => expect(container.querySelector('.cm-editor')).not.toBeNull(), { timeout: 15000 });
    const view = EditorView.findFromDOM(container.querySelector('.cm-editor'));
    const type = (text) => act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
    type('intents:\n  - oops: [\n');
    await waitFor(() => expect(screen.getByTestId('live-check').textContent).toMatch(/1 problem/), { timeout: 15000 });
    // the problem is a diagnostic at line 2 (underlined, with a gutter marker) and listed under the editor
    await waitFor(() => expect(container.querySelector('.cm-lintRange-error')).not.toBeNull(), { timeout: 15000 });
    expect(container.querySelector('.cm-lintRange-error').textContent).toBe('- oops: [');
    expect(container.querySelector('.cm-lint-marker-error')).not.toBeNull();
    expect(screen.getByTestId('line-problems').textContent).toContain('line 2: bad intent');
    type('intents:\n  - greet\n  - bye\n');
    await waitFor(() => expect(screen.getByTestId('live-check').textContent).toMatch(/no problems/), { timeout: 15000 });
    // the editor's lint marks follow the status line on the next update: wait for them too
    await waitFor(() => expect(container.querySelector('.cm-lintRange-error')).toBeNull(), { timeout: 15000 });
    expect(screen.queryByTestId('line-problems')).toBeNull();
    expect(validated.length).toBeGreaterThanOrEqual(2);
  });

  it('marks a warning at its line with the milder warning mark and counts both in the status', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url, init) => {
      if (url.endsWith('/versions')) return json({ active_version: 1, versions: [], warnings: [] });
      if (url.includes('/files')) return json({ version: 1, files: { 'config.yml': 'language: en\n' } });
      if (url.endsWith('/validate')) {
        const text = JSON.parse(init.body).files['config.yml'];
        const warning = { file: 'config.yml', line: 3, message: "option 'colour' is ignored by Parley", severity: 'warning' };
        const error = { file: 'config.yml', line: 2, message: 'bad pipeline', severity: 'error' };
        const bad = text.includes('oops');
        return json({
          valid: !bad,
          problems: bad ? [error] : [],
          warnings: text.includes('colour') ? [warning] : [],
          error_count: bad ? 1 : 0,
          warning_count: text.includes('colour') ? 1 : 0,
        });
      }
      throw new Error('unexpected ' + url);
    }));
    const { container } = render(<BotPage tenant="t" bot="b" canWrite />);
    fireEvent.click(await screen.findByRole('button', { name: /Edit config\.yml/ }));
    await waitFor(() => expect(container.querySelector('.cm-editor')).not.toBeNull(), { timeout: 15000 });
    const view = EditorView.findFromDOM(container.querySelector('.cm-editor'));
    const type = (text) => act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
    type('language: en\npipeline:\n  colour: blue\n');
    await waitFor(() => expect(screen.getByTestId('live-check').textContent).toMatch(/no problems, 1 warning/), { timeout: 15000 });
    await waitFor(() => expect(container.querySelector('.cm-lintRange-warning')).not.toBeNull(), { timeout: 15000 });
    expect(container.querySelector('.cm-lintRange-warning').textContent).toBe('colour: blue');
    expect(container.querySelector('.cm-lint-marker-warning')).not.toBeNull();
    expect(container.querySelector('.cm-lintRange-error')).toBeNull();
    expect(screen.getByTestId('live-check').className).toContain('warn');
    expect(screen.getByTestId('line-warnings').textContent).toContain("line 3: option 'colour' is ignored by Parley");
    expect(screen.queryByTestId('line-problems')).toBeNull();
    // an error elsewhere keeps the warning: both are marked and counted
    type('language: en\npipeline: oops\n  colour: blue\n');
    await waitFor(() => expect(screen.getByTestId('live-check').textContent).toMatch(/1 problem\(s\) and 1 warning/), { timeout: 15000 });
    await waitFor(() => expect(container.querySelector('.cm-lintRange-error')).not.toBeNull(), { timeout: 15000 });
    expect(container.querySelector('.cm-lintRange-error').textContent).toBe('pipeline: oops');
    expect(container.querySelector('.cm-lintRange-warning').textContent).toBe('colour: blue');
    // fixed: no marks, no lists
    type('language: en\n');
    await waitFor(() => expect(screen.getByTestId('live-check').textContent).toMatch(/no problems\.$/), { timeout: 15000 });
    await waitFor(() => expect(container.querySelector('.cm-lintRange-warning')).toBeNull(), { timeout: 15000 });
    expect(screen.queryByTestId('line-warnings')).toBeNull();
  });
});
