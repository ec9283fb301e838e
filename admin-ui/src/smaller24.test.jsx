// Issue 24, smaller things: entities once, float defaults, plugin search, viewer pages.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { distinctEntities } from './entities.js';
import { cleanNumber, initialValues } from './configForm.js';
import { pluginMatches } from './pages/Plugins.jsx';
import Users from './pages/Users.jsx';
import Chat from './pages/Chat.jsx';
import { TEXTS } from './i18n.js';

afterEach(cleanup);

describe('smaller console fixes', () => {
  it('lists an entity found by two extractors once, naming both', () => {
    const out = distinctEntities([
      { entity: 'phone', value: '13812345678', extractor: 'RegexEntityExtractor' },
      { entity: 'phone', value: '13812345678', extractor: 'LanguageEntityExtractor' },
      { entity: 'size', value: 'large', extractor: 'RegexEntityExtractor' },
    ]);
    expect(out.map((e) => e.entity)).toEqual(['phone', 'size']);
    expect(out[0].extractors).toEqual(['RegexEntityExtractor', 'LanguageEntityExtractor']);
  });

  it('shows float defaults without noise', () => {
    expect(cleanNumber(0.00004999999873689376)).toBe('0.00005');
    expect(cleanNumber('0.10000000149011612')).toBe('0.1');
    expect(cleanNumber(100)).toBe('100');
    expect(initialValues([{ name: 'learning_rate', type: 'double', default_value: 0.0010000000474974513 }])).toEqual({ learning_rate: '0.001' });
  });

  it('finds plugins by id, kind, description or setting name', () => {
    const diet = { id: 'DIETClassifier', kind: 'nlu', description: 'intent classifier', config: [{ name: 'epochs' }] };
    expect(pluginMatches(diet, 'diet')).toBe(true);
    expect(pluginMatches(diet, 'nlu epochs')).toBe(true);
    expect(pluginMatches(diet, 'policy')).toBe(false);
    expect(pluginMatches(diet, '')).toBe(true);
  });

  it('tells a viewer why there is no chat box and no user form', () => {
    render(<Chat tenant="t" bot="b" canWrite={false} />);
    expect(screen.getByTestId('read-only').textContent).toMatch(/not chat/);
    cleanup();
    render(<Users tenant="t" canWrite={false} />);
    expect(screen.getByTestId('read-only').textContent).toMatch(/Only tenant admins/);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('has every dashboard legend in both languages', () => {
    for (const key of ['legendRecheck', 'legendLlmFallback', 'legendSlotFill', 'legendTurnFailures']) {
      expect(TEXTS[key]).toHaveLength(2);
    }
  });
});
