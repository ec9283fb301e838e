import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import ErrorBox from './components/ErrorBox.jsx';
import CodeView from './components/CodeView.jsx';
import Chat from './pages/Chat.jsx';
import { LangContext, translate } from './i18n.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const zh = { lang: 'zh', t: (k, v) => translate('zh', k, v) };

describe('components', () => {
  it('shows validation problems with file and line', () => {
    render(<ErrorBox error={{ message: 'invalid project', code: 'invalid_project', details: [{ file: 'domain.yml', line: 7, message: 'unknown key' }] }} />);
    expect(screen.getByRole('alert').textContent).toContain('invalid project');
    expect(screen.getByText('domain.yml')).toBeTruthy();
    expect(screen.getByText('7')).toBeTruthy();
  });

  it('marks the line of a problem in the code view', () => {
    const { container } = render(<CodeView name="domain.yml" text={'a: 1\nb: 2\nc: 3'} marks={{ 2: 'bad b' }} />);
    const marked = container.querySelectorAll('.code-line.marked');
    expect(marked).toHaveLength(1);
    expect(marked[0].textContent).toContain('b: 2');
    expect(marked[0].textContent).toContain('bad b');
  });

  it('renders what the user typed and the bot said as text, in Chinese too', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({
        messages: [{ recipient_id: 's', text: evil }],
        parse: { intent: { name: 'greet', confidence: 0.91 }, intent_ranking: [{ name: 'greet', confidence: 0.91 }], entities: [] },
        actions: ['utter_greet', 'action_listen'],
        slots: { size: 'large' },
      }), { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
    const { container } = render(
      <LangContext.Provider value={zh}>
        <Chat tenant="t" bot="b" canWrite />
      </LangContext.Provider>,
    );
    fireEvent.change(screen.getByPlaceholderText('发给机器人的消息'), { target: { value: evil } });
    fireEvent.click(screen.getByText('发送'));
    await waitFor(() => expect(screen.getByTestId('intent').textContent).toContain('greet'));
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('user-text').textContent).toBe(evil);
    expect(screen.getByTestId('slots').textContent).toContain('size=large');
    expect(window.__pwned).toBeUndefined();
  });
});
