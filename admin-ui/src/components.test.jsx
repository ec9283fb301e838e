import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import ErrorBox from './components/ErrorBox.jsx';
import YamlEditor from './components/YamlEditor.jsx';
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

  it('shows a file in CodeMirror with line numbers, YAML highlighting and a problem at its line', async () => {
    const { container } = render(<YamlEditor name="domain.yml" value={'a: 1\nb: 2\nc: 3'} marks={{ 2: 'bad b' }} readOnly />);
    expect(container.querySelector('.cm-content').getAttribute('aria-label')).toBe('domain.yml');
    expect(container.querySelector('.cm-content').getAttribute('contenteditable')).toBe('false');
    expect([...container.querySelectorAll('.cm-lineNumbers .cm-gutterElement')].map((e) => e.textContent)).toEqual(expect.arrayContaining(['1', '2', '3']));
    // the YAML parser's highlighting gives keys and values their own spans
    await waitFor(() => expect(container.querySelectorAll('.cm-line span').length).toBeGreaterThan(0));
    await waitFor(() => expect(container.querySelector('.cm-lintRange-error')).not.toBeNull());
    expect(container.querySelector('.cm-lintRange-error').textContent).toBe('b: 2');
  });

  it('reports typed changes and takes text replaced from outside', async () => {
    const changes = [];
    const { container, rerender } = render(<YamlEditor name="a.yml" value="x: 1" onChange={(t) => changes.push(t)} />);
    const view = EditorView.findFromDOM(container.querySelector('.cm-editor'));
    act(() => view.dispatch({ changes: { from: 4, insert: '2' } }));
    expect(changes).toEqual(['x: 12']);
    rerender(<YamlEditor name="a.yml" value="y: 3" onChange={(t) => changes.push(t)} />);
    expect(view.state.doc.toString()).toBe('y: 3');
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
