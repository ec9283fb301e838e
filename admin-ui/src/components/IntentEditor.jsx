import { useState } from 'react';
import { useT } from '../i18n.js';
import { addIntent, moveExample, readIntents, setExamples } from '../structured.js';

const INTENT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** One intent: its examples, each removable or movable to another intent, and a field to add one. */
function IntentCard({ intent, others, readOnly, change }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const key = `${intent.file}:${intent.name}`;
  const add = (e) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text || intent.examples.includes(text)) return;
    change((files) => setExamples(files, intent.file, intent.name, [...intent.examples, text]));
    setDraft('');
  };
  return (
    <details className="card structured" data-testid={`intent-${intent.name}`}>
      <summary>
        <strong>{intent.name}</strong> <span className="muted small">{t('examplesCount', { count: intent.examples.length })} · {intent.file}</span>
      </summary>
      <ul className="examples">
        {intent.examples.map((example) => (
          <li key={example}>
            <span className="example-text">{example}</span>
            {readOnly ? null : (
              <span className="example-actions">
                <label>
                  <span className="sr-only">{t('moveExample', { example })}</span>
                  <select
                    value=""
                    onChange={(e) => {
                      const target = others.find((o) => `${o.file}:${o.name}` === e.target.value);
                      if (target) change((files) => moveExample(files, intent, target, example));
                    }}
                  >
                    <option value="">{t('moveTo')}</option>
                    {others.map((o) => (
                      <option key={`${o.file}:${o.name}`} value={`${o.file}:${o.name}`}>{o.name}</option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="icon"
                  aria-label={t('removeExample', { example })}
                  onClick={() => change((files) => setExamples(files, intent.file, intent.name, intent.examples.filter((x) => x !== example)))}
                >
                  ×
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <form className="row" onSubmit={add} aria-label={t('addExampleTo', { intent: intent.name })}>
          <label className="grow">
            <span>{t('newExample')}</span>
            <input id={`new-example-${key}`} value={draft} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <button type="submit">{t('addExample')}</button>
        </form>
      )}
    </details>
  );
}

/**
 * The bot's intents with their examples, edited as lists; every change is written back to the
 * project's NLU file through `onChange(files)`.
 */
export default function IntentEditor({ files, onChange, readOnly }) {
  const t = useT();
  const [name, setName] = useState('');
  const [example, setExample] = useState('');
  const [problem, setProblem] = useState('');
  const intents = readIntents(files);
  const change = (edit) => {
    try {
      onChange(edit(files));
      setProblem('');
    } catch (err) {
      setProblem(String(err.message || err));
    }
  };
  const create = (e) => {
    e.preventDefault();
    const id = name.trim();
    if (!INTENT_NAME.test(id)) return setProblem(t('intentNameRule'));
    if (intents.some((i) => i.name === id)) return setProblem(t('intentExists', { intent: id }));
    if (!example.trim()) return setProblem(t('firstExampleNeeded'));
    change((current) => addIntent(current, id, example.trim()));
    setName('');
    setExample('');
  };
  return (
    <div className="structured-editor" data-testid="intent-editor">
      <p className="muted small">{t('intentsHelp')}</p>
      {problem ? <p className="field-problem" role="alert">{problem}</p> : null}
      {readOnly ? null : (
        <form className="row card" onSubmit={create} aria-label={t('addIntent')}>
          <label>
            <span>{t('newIntent')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} pattern="[A-Za-z0-9_][A-Za-z0-9_.\-]*" />
          </label>
          <label className="grow">
            <span>{t('firstExample')}</span>
            <input value={example} onChange={(e) => setExample(e.target.value)} />
          </label>
          <button type="submit">{t('addIntent')}</button>
        </form>
      )}
      {intents.length === 0 ? <p>{t('noIntents')}</p> : null}
      {intents.map((intent) => (
        <IntentCard
          key={`${intent.file}:${intent.name}`}
          intent={intent}
          others={intents.filter((o) => o !== intent)}
          readOnly={readOnly}
          change={change}
        />
      ))}
    </div>
  );
}
