import { useEffect, useRef, useState } from 'react';
import { api, botPath } from '../api.js';
import { useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';
import { distinctEntities } from '../entities.js';

function newSender() {
  return 'console-' + Math.random().toString(36).slice(2, 10);
}

function pct(x) {
  return typeof x === 'number' ? (x * 100).toFixed(1) + '%' : '—';
}

/** What the bot made of one user message. */
function TurnDetails({ turn }) {
  const t = useT();
  const parse = turn.parse || {};
  const ranking = (parse.intent_ranking || []).slice(0, 3);
  const decided =
    (parse.parley && parse.parley.decided_by) ||
    parse.decided_by ||
    (parse.recheck && parse.recheck.decided_by) ||
    null;
  return (
    <dl className="turn-details" data-testid="turn-details">
      <dt>{t('intent')}</dt>
      <dd data-testid="intent">{parse.intent ? parse.intent.name : '—'} <span className="muted">({pct(parse.intent && parse.intent.confidence)})</span></dd>
      <dt>{t('ranking')}</dt>
      <dd>
        <ol className="ranking">
          {ranking.map((r) => (
            <li key={r.name}>
              <span>{r.name}</span>
              <meter min={0} max={1} value={r.confidence} aria-label={`${r.name} ${pct(r.confidence)}`} />
              <span className="muted">{pct(r.confidence)}</span>
            </li>
          ))}
        </ol>
      </dd>
      <dt>{t('decidedBy')}</dt>
      <dd>{decided ? String(decided) : t('none')}</dd>
      <dt>{t('entities')}</dt>
      <dd>{(parse.entities || []).length === 0 ? t('none') : distinctEntities(parse.entities).map((e) => <code key={e.key} className="chip" title={e.extractors.join(', ')}>{e.entity}={String(e.value)}</code>)}</dd>
      <dt>{t('actions')}</dt>
      <dd>{(turn.actions || []).map((a, i) => <code key={i} className="chip">{a}</code>)}</dd>
      <dt>{t('slots')}</dt>
      <dd data-testid="slots">
        {Object.entries(turn.slots || {})
          .filter(([, v]) => v !== null && v !== undefined)
          .map(([k, v]) => <code key={k} className="chip">{k}={typeof v === 'object' ? JSON.stringify(v) : String(v)}</code>)}
      </dd>
    </dl>
  );
}

export default function Chat({ tenant, bot, canWrite }) {
  const t = useT();
  const [sender, setSender] = useState(newSender);
  const [text, setText] = useState('');
  const [turns, setTurns] = useState([]);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const end = useRef(null);

  useEffect(() => {
    setTurns([]);
    setSender(newSender());
  }, [tenant, bot]);

  useEffect(() => {
    if (end.current && end.current.scrollIntoView) end.current.scrollIntoView({ block: 'nearest' });
  }, [turns]);

  if (!tenant || !bot) return <p>{t('noBot')}</p>;

  const send = async (e) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    const message = text;
    try {
      const out = await api('POST', botPath(tenant, bot, '/chat'), { body: { sender, message } });
      setTurns((list) => [...list, { user: message, ...out }]);
      setText('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setTurns([]);
    setSender(newSender());
  };

  return (
    <section aria-labelledby="chat-title">
      <h2 id="chat-title">{t('chatTitle')}: {tenant} / {bot}</h2>
      <p className="muted">{t('sender')}: <code data-testid="sender">{sender}</code></p>
      <ol className="chat" aria-live="polite">
        {turns.map((turn, i) => (
          <li key={i} className="turn">
            <div className="bubble user"><span className="who">{t('you')}</span><span className="text" data-testid="user-text">{turn.user}</span></div>
            {(turn.messages || []).map((m, j) => (
              <div key={j} className="bubble bot">
                <span className="who">{t('botSays')}</span>
                <span className="text">{m.text}</span>
                {m.buttons ? (
                  <span className="buttons">
                    {m.buttons.map((b, k) => <button key={k} type="button" onClick={() => setText(b.payload)}>{b.title}</button>)}
                  </span>
                ) : null}
              </div>
            ))}
            <TurnDetails turn={turn} />
          </li>
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      <ErrorBox error={error} />
      {!canWrite ? <p className="notice" role="status" data-testid="read-only">{t('viewerNoChat')}</p> : null}
      {canWrite ? (
        <form className="row chat-form" onSubmit={send}>
          <label className="grow">
            <span className="sr-only">{t('typeMessage')}</span>
            <input name="message" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('typeMessage')} autoComplete="off" disabled={busy} />
          </label>
          <button type="submit" className="primary" disabled={busy}>{t('send')}</button>
          <button type="button" onClick={restart}>{t('restart')}</button>
        </form>
      ) : null}
    </section>
  );
}
