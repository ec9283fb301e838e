// The editor checks the files through the validate-only endpoint while you type.
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
    expect(container.querySelector('.cm-lintRange-error')).toBeNull();
    expect(screen.queryByTestId('line-problems')).toBeNull();
    expect(validated.length).toBeGreaterThanOrEqual(2);
  });
});
