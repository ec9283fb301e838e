import { useEffect, useState } from 'react';
import { api, botPath } from '../api.js';
import { useLang, useT } from '../i18n.js';
import { formatDateTime, formatTime } from '../dates.js';
import ErrorBox from '../components/ErrorBox.jsx';

function eventSummary(e) {
  switch (e.event) {
    case 'user':
      return `${e.text ?? ''}${e.parse_data && e.parse_data.intent ? `  → ${e.parse_data.intent.name} (${(e.parse_data.intent.confidence * 100).toFixed(0)}%)` : ''}`;
    case 'bot':
      return e.text ?? '';
    case 'action':
      return e.name;
    case 'slot':
      return `${e.name} = ${typeof e.value === 'object' ? JSON.stringify(e.value) : String(e.value)}`;
    case 'active_loop':
      return e.name ? `${e.name}` : '∅';
    default:
      return e.name || '';
  }
}

/** What is masked in this conversation and why, or how to mark a slot sensitive when none is. */
export function PrivacyNote({ detail }) {
  const t = useT();
  const slots = [...(detail.sensitive_slots || [])].join(', ');
  if (!slots) {
    return (
      <p className="notice small" data-testid="privacy-note">
        {t('noSensitiveSlots')} <code>sensitive: true</code> {t('noSensitiveSlotsHow')}
      </p>
    );
  }
  return (
    <p className="muted small" data-testid="privacy-note">
      {detail.masked ? t('maskedSlots', { slots }) : t('revealedSlots', { slots })}
    </p>
  );
}

export default function Conversations({ tenant, bot, canWrite }) {
  const t = useT();
  const lang = useLang();
  const [query, setQuery] = useState({ sender: '', from: '', to: '' });
  const [list, setList] = useState(null);
  const [selected, setSelected] = useState(null);
  const [detail, setDetail] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');

  const search = async (e) => {
    if (e) e.preventDefault();
    setError(null);
    const params = new URLSearchParams();
    Object.entries(query).forEach(([k, v]) => v && params.set(k, v));
    try {
      setList(await api('GET', botPath(tenant, bot, '/conversations?' + params.toString())));
    } catch (err) {
      setError(err);
    }
  };

  useEffect(() => {
    setList(null);
    setDetail(null);
    setSelected(null);
    if (tenant && bot) search();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tenant, bot]);

  if (!tenant || !bot) return <p>{t('noBot')}</p>;

  const open = async (sender) => {
    setSelected(sender);
    setError(null);
    setNotice('');
    try {
      setDetail(await api('GET', botPath(tenant, bot, '/conversations/' + encodeURIComponent(sender))));
    } catch (err) {
      setDetail(null);
      setError(err);
    }
  };

  const erase = async () => {
    if (!window.confirm(t('eraseConfirm'))) return;
    try {
      await api('DELETE', botPath(tenant, bot, '/conversations/' + encodeURIComponent(selected)));
      setNotice(t('erased'));
      setDetail(null);
      setSelected(null);
      await search();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="conv-title">
      <h2 id="conv-title">{t('navConversations')}: {tenant} / {bot}</h2>
      <form className="row" onSubmit={search} aria-label={t('findConversations')}>
        <label>
          <span>{t('senderPrefix')}</span>
          <input name="sender" value={query.sender} onChange={(e) => setQuery({ ...query, sender: e.target.value })} />
        </label>
        <label>
          <span>{t('fromDate')}</span>
          <input type="date" name="from" value={query.from} onChange={(e) => setQuery({ ...query, from: e.target.value })} />
        </label>
        <label>
          <span>{t('toDate')}</span>
          <input type="date" name="to" value={query.to} onChange={(e) => setQuery({ ...query, to: e.target.value })} />
        </label>
        <button type="submit" className="primary">{t('find')}</button>
      </form>
      <ErrorBox error={error} />
      {notice ? <p className="ok" role="status">{notice}</p> : null}
      <div className="split">
        <div className="convlist">
          {list && list.length === 0 ? <p>{t('nothingFound')}</p> : null}
          <ul aria-label={t('navConversations')} data-testid="conversation-list">
            {(list || []).map((c) => (
              <li key={c.sender}>
                <button type="button" aria-current={c.sender === selected ? 'true' : undefined} onClick={() => open(c.sender)}>
                  <span className="conv-head">
                    <span className="sender">{c.sender}</span>
                    {c.fell_back ? <span className="badge bad" data-testid="fell-back">{t('fellBack')}</span> : null}
                  </span>
                  <span className="first-message">{c.first_message ?? <span className="muted">{t('noMessage')}</span>}</span>
                  <span className="muted small">
                    {formatDateTime(c.started_at, lang)} · {t('turnCount', { count: c.turns ?? 0 })}
                    {c.last_intent ? <> · {t('lastIntent')}: <code>{c.last_intent}</code></> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="convdetail">
          {detail ? (
            <>
              <h3>{t('timeline')}: {detail.sender_id}</h3>
              <PrivacyNote detail={detail} />
              <h4>{t('slots')}</h4>
              <table className="table compact" data-testid="conversation-slots">
                <tbody>
                  {Object.entries(detail.slots).map(([k, v]) => (
                    <tr key={k}>
                      <th scope="row">{k}{detail.sensitive_slots.includes(k) ? <span className="badge">{t('sensitive')}</span> : null}</th>
                      <td>{v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {canWrite ? <button type="button" className="danger" onClick={erase}>{t('erase')}</button> : null}
              <ol className="timeline" data-testid="timeline">
                {detail.events.map((e, i) => (
                  <li key={i} className={'ev ev-' + e.event}>
                    <span className="ev-type">{e.event}</span>
                    <span className="ev-text">{eventSummary(e)}</span>
                    <time className="muted small">{e.timestamp ? formatTime(e.timestamp * 1000, lang) : ''}</time>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}
