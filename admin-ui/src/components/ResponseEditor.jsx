import { useState } from 'react';
import { useT } from '../i18n.js';
import { addResponse, readResponses, setVariations } from '../structured.js';

const RESPONSE_NAME = /^utter_[A-Za-z0-9_.-]+$/;

/** One variation of a response: its text and its buttons (title, payload). */
function Variation({ response, index, variation, readOnly, update }) {
  const t = useT();
  const buttons = variation.buttons || [];
  const setButtons = (next) => update({ ...variation, buttons: next });
  return (
    <li className="variation">
      <label className="variation-text">
        <span>{t('variationText', { number: index + 1 })}</span>
        <textarea rows={2} value={variation.text} readOnly={readOnly} onChange={(e) => update({ ...variation, text: e.target.value })} />
      </label>
      {buttons.length ? (
        <ul className="response-buttons" aria-label={t('buttonsOf', { number: index + 1 })}>
          {buttons.map((b, i) => (
            <li key={i} className="row">
              <label>
                <span>{t('buttonTitle')}</span>
                <input value={b.title} readOnly={readOnly} onChange={(e) => setButtons(buttons.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
              </label>
              <label>
                <span>{t('buttonPayload')}</span>
                <input value={b.payload} readOnly={readOnly} onChange={(e) => setButtons(buttons.map((x, j) => (j === i ? { ...x, payload: e.target.value } : x)))} />
              </label>
              {readOnly ? null : (
                <button type="button" className="icon" aria-label={t('removeButton', { title: b.title || i + 1 })} onClick={() => setButtons(buttons.filter((_, j) => j !== i))}>×</button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <div className="row">
          <button type="button" onClick={() => setButtons([...buttons, { title: '', payload: '/' }])}>{t('addButton')}</button>
          <button type="button" className="danger" onClick={() => update(null)} aria-label={t('removeVariationOf', { number: index + 1, response })}>
            {t('removeVariation')}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The domain's responses with their variations and buttons; every change is written back to the
 * domain file through `onChange(files)`.
 */
export default function ResponseEditor({ files, onChange, readOnly }) {
  const t = useT();
  const [name, setName] = useState('utter_');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const responses = readResponses(files);
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
    if (!RESPONSE_NAME.test(id)) return setProblem(t('responseNameRule'));
    if (responses.some((r) => r.name === id)) return setProblem(t('responseExists', { response: id }));
    if (!text.trim()) return setProblem(t('responseTextNeeded'));
    change((current) => addResponse(current, id, text.trim()));
    setName('utter_');
    setText('');
  };
  return (
    <div className="structured-editor" data-testid="response-editor">
      <p className="muted small">{t('responsesHelp')}</p>
      {problem ? <p className="field-problem" role="alert">{problem}</p> : null}
      {readOnly ? null : (
        <form className="row card" onSubmit={create} aria-label={t('addResponse')}>
          <label>
            <span>{t('newResponse')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="grow">
            <span>{t('responseText')}</span>
            <input value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit">{t('addResponse')}</button>
        </form>
      )}
      {responses.length === 0 ? <p>{t('noResponses')}</p> : null}
      {responses.map((r) => {
        const write = (variations) => change((current) => setVariations(current, r.file, r.name, variations));
        return (
          <details key={`${r.file}:${r.name}`} className="card structured" data-testid={`response-${r.name}`}>
            <summary>
              <strong>{r.name}</strong> <span className="muted small">{t('variationsCount', { count: r.variations.length })} · {r.file}</span>
            </summary>
            <ol className="variations">
              {r.variations.map((v, i) => (
                <Variation
                  key={i}
                  response={r.name}
                  index={i}
                  variation={v}
                  readOnly={readOnly}
                  update={(next) => write(next ? r.variations.map((x, j) => (j === i ? next : x)) : r.variations.filter((_, j) => j !== i))}
                />
              ))}
            </ol>
            {readOnly ? null : (
              <button type="button" onClick={() => write([...r.variations, { text: '', buttons: [] }])}>{t('addVariation')}</button>
            )}
          </details>
        );
      })}
    </div>
  );
}
