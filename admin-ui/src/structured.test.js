// Structured edits of intents and responses write back YAML that reads as the edit and nothing else.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addIntent, addResponse, moveExample, readIntents, readResponses, setExamples, setVariations } from './structured.js';

const nlu = `version: "3.1"

nlu:
- intent: greet
  examples: |
    - hey
    - hello

# the way out
- intent: goodbye
  examples: |
    - bye
    - cu
`;
const domain = `version: "3.1"

intents:
  - greet
  - goodbye

responses:
  utter_greet:
  - text: "Hey! How are you?"

  utter_cheer_up:
  - text: "Here is something to cheer you up:"
    image: "https://example.org/cat.jpg"

session_config:
  session_expiration_time: 60
`;
const files = { 'data/nlu.yml': nlu, 'domain.yml': domain };

describe('intents', () => {
  it('reads intents with their examples and file', () => {
    expect(readIntents(files)).toEqual([
      { name: 'greet', file: 'data/nlu.yml', examples: ['hey', 'hello'] },
      { name: 'goodbye', file: 'data/nlu.yml', examples: ['bye', 'cu'] },
    ]);
  });

  it('adds and removes an example, touching only that block', () => {
    const added = setExamples(files, 'data/nlu.yml', 'greet', ['hey', 'hello', 'good morning']);
    expect(added['data/nlu.yml']).toBe(nlu.replace('    - hello\n', '    - hello\n    - good morning\n'));
    const removed = setExamples(added, 'data/nlu.yml', 'greet', ['hello', 'good morning']);
    expect(readIntents(removed)[0].examples).toEqual(['hello', 'good morning']);
    expect(removed['data/nlu.yml']).toContain('# the way out');
    expect(removed['domain.yml']).toBe(domain);
  });

  it('moves an example between intents', () => {
    const moved = moveExample(files, { file: 'data/nlu.yml', name: 'goodbye' }, { file: 'data/nlu.yml', name: 'greet' }, 'cu');
    const intents = readIntents(moved);
    expect(intents[0].examples).toEqual(['hey', 'hello', 'cu']);
    expect(intents[1].examples).toEqual(['bye']);
    expect(parse(moved['data/nlu.yml']).nlu[1].examples).toBe('- bye\n');
  });

  it('adds an intent to the NLU data and to the domain', () => {
    const next = addIntent(files, 'thanks', 'thank you');
    expect(readIntents(next).at(-1)).toEqual({ name: 'thanks', file: 'data/nlu.yml', examples: ['thank you'] });
    expect(parse(next['domain.yml']).intents).toEqual(['greet', 'goodbye', 'thanks']);
    expect(next['domain.yml']).toContain('  - goodbye\n  - thanks\n');
  });
});

describe('responses', () => {
  it('reads variations with their buttons and other keys', () => {
    const responses = readResponses(files);
    expect(responses.map((r) => r.name)).toEqual(['utter_greet', 'utter_cheer_up']);
    expect(responses[1].variations[0]).toMatchObject({ text: 'Here is something to cheer you up:', image: 'https://example.org/cat.jpg', buttons: [] });
  });

  it('writes variations and buttons back, keeping the other responses and keys', () => {
    const next = setVariations(files, 'domain.yml', 'utter_greet', [
      { text: 'Hey! How are you?', buttons: [{ title: 'Great', payload: '/mood_great' }, { title: 'Sad', payload: '/mood_unhappy' }] },
      { text: 'Hi there: how is it going?', buttons: [] },
    ]);
    const parsed = parse(next['domain.yml']);
    expect(parsed.responses.utter_greet).toEqual([
      { text: 'Hey! How are you?', buttons: [{ title: 'Great', payload: '/mood_great' }, { title: 'Sad', payload: '/mood_unhappy' }] },
      { text: 'Hi there: how is it going?' },
    ]);
    expect(parsed.responses.utter_cheer_up[0].image).toBe('https://example.org/cat.jpg');
    expect(parsed.session_config.session_expiration_time).toBe(60);
    expect(next['domain.yml']).toContain('\n  utter_cheer_up:\n  - text: "Here is something to cheer you up:"\n');
  });

  it('adds a response', () => {
    const next = addResponse(files, 'utter_thanks', "You're welcome!");
    expect(parse(next['domain.yml']).responses.utter_thanks).toEqual([{ text: "You're welcome!" }]);
    expect(parse(next['domain.yml']).session_config).toBeTruthy();
  });
});
