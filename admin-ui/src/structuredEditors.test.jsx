// The intent and response editors write back to the YAML, which Save & train previews as a diff.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { parse } from 'yaml';
import BotPage from './pages/BotPage.jsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const NLU = 'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hey\n    - see you\n- intent: goodbye\n  examples: |\n    - bye\n';
const DOMAIN = 'intents:\n  - greet\n  - goodbye\nresponses:\n  utter_greet:\n  - text: "Hey!"\n';

function serve(validated) {
  vi.stubGlobal('fetch', vi.fn(async (url, init) => {
    if (url.endsWith('/versions')) return json({ active_version: 1, versions: [], warnings: [] });
    if (url.includes('/files')) return json({ version: 1, files: { 'data/nlu.yml': NLU, 'domain.yml': DOMAIN } });
    if (url.endsWith('/validate')) {
      validated.push(JSON.parse(init.body).files);
      return json({ valid: true, problems: [], warnings: [] });
    }
    throw new Error('unexpected ' + url);
  }));
}

describe('structured editors', () => {
  it('moves an example between intents, adds and removes one, and previews the YAML diff', async () => {
    const validated = [];
    serve(validated);
    render(<BotPage tenant="t" bot="b" canWrite />);
    await screen.findByRole('button', { name: /Edit data\/nlu\.yml/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Intents' }));
    const greet = await screen.findByTestId('intent-greet');
    fireEvent.change(within(greet).getByLabelText('Move “see you” to another intent'), { target: { value: 'data/nlu.yml:goodbye' } });
    const goodbye = screen.getByTestId('intent-goodbye');
    fireEvent.change(within(goodbye).getByLabelText('New example'), { target: { value: 'farewell' } });
    fireEvent.click(within(goodbye).getByRole('button', { name: 'Add example' }));
    fireEvent.click(within(screen.getByTestId('intent-greet')).getByRole('button', { name: 'Remove example “hey”' }));
    fireEvent.change(screen.getByLabelText('New intent'), { target: { value: 'thanks' } });
    fireEvent.change(screen.getByLabelText('First example'), { target: { value: 'thank you' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add intent' }));
    expect(screen.getByTestId('unsaved')).toBeTruthy();
    // the validate-only endpoint checks the edited files
    await waitFor(() => expect(validated.length).toBeGreaterThan(0), { timeout: 15000 });
    const nlu = parse(validated.at(-1)['data/nlu.yml']).nlu;
    expect(nlu).toEqual([
      { intent: 'greet', examples: '' },
      { intent: 'goodbye', examples: '- bye\n- see you\n- farewell\n' },
      { intent: 'thanks', examples: '- thank you\n' },
    ]);
    expect(parse(validated.at(-1)['domain.yml']).intents).toEqual(['greet', 'goodbye', 'thanks']);
    fireEvent.click(screen.getByRole('button', { name: 'Save & train' }));
    const preview = await screen.findByTestId('train-preview');
    expect(preview.textContent).toContain('data/nlu.yml');
    expect(preview.textContent).toContain('domain.yml');
  });

  it('edits a response: a variation, a button, and a new response', async () => {
    const validated = [];
    serve(validated);
    render(<BotPage tenant="t" bot="b" canWrite />);
    await screen.findByRole('button', { name: /Edit data\/nlu\.yml/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Responses' }));
    const greet = await screen.findByTestId('response-utter_greet');
    fireEvent.change(within(greet).getByLabelText('Variation 1'), { target: { value: 'Hello!' } });
    fireEvent.click(within(greet).getByRole('button', { name: 'Add button' }));
    fireEvent.change(within(screen.getByTestId('response-utter_greet')).getByLabelText('Button title'), { target: { value: 'Great' } });
    fireEvent.change(within(screen.getByTestId('response-utter_greet')).getByLabelText('Payload'), { target: { value: '/mood_great' } });
    fireEvent.click(within(screen.getByTestId('response-utter_greet')).getByRole('button', { name: 'Add variation' }));
    fireEvent.change(within(screen.getByTestId('response-utter_greet')).getByLabelText('Variation 2'), { target: { value: 'Hi there' } });
    fireEvent.change(screen.getByLabelText('New response'), { target: { value: 'utter_thanks' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'You are welcome' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add response' }));
    await waitFor(() => expect(validated.length).toBeGreaterThan(0), { timeout: 15000 });
    await waitFor(() => expect(parse(validated.at(-1)['domain.yml']).responses).toEqual({
      utter_greet: [{ text: 'Hello!', buttons: [{ title: 'Great', payload: '/mood_great' }] }, { text: 'Hi there' }],
      utter_thanks: [{ text: 'You are welcome' }],
    }), { timeout: 15000 });
  });

  it('shows the editors read-only to a viewer', async () => {
    serve([]);
    render(<BotPage tenant="t" bot="b" canWrite={false} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Intents' }));
    await screen.findByTestId('intent-greet');
    expect(screen.queryByRole('button', { name: 'Add example' })).toBeNull();
    expect(screen.queryByLabelText('New intent')).toBeNull();
  });
});
