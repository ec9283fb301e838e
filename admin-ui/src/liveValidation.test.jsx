// The editor checks the files through the validate-only endpoint while you type.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
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
    const editor = container.querySelector('.editor textarea');
    fireEvent.change(editor, { target: { value: 'intents:\n  - oops: [\n' } });
    await waitFor(() => expect(screen.getByTestId('live-check').textContent).toMatch(/1 problem/), { timeout: 5000 });
    expect(container.querySelector('.code-line.marked').textContent).toContain('bad intent');
    fireEvent.change(editor, { target: { value: 'intents:\n  - greet\n  - bye\n' } });
    await waitFor(() => expect(screen.getByTestId('live-check').textContent).toMatch(/no problems/), { timeout: 5000 });
    expect(container.querySelector('.code-line.marked')).toBeNull();
    expect(validated.length).toBeGreaterThanOrEqual(2);
  });
});
