import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, botPath } from '../api.js';
import { useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';
import ConfusionMatrix from '../components/ConfusionMatrix.jsx';
import { accuracy, confusion, intentRows, misclassified } from '../evaluation.js';

function TestInput({ id, files, filter, value, onChange }) {
  const t = useT();
  const names = Object.keys(files).filter(filter).sort();
  return (
    <div className="test-input">
      <label>
        <span>{t('testFile')}</span>
        <select id={id + '-file'} onChange={(e) => onChange(files[e.target.value] || '')} defaultValue="">
          <option value="">—</option>
          {names.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <label>
        <span>{t('orPaste')}</span>
        <textarea id={id + '-yaml'} rows={8} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      </label>
    </div>
  );
}

export default function Evaluation({ tenant, bot }) {
  const t = useT();
  const [files, setFiles] = useState({});
  const [nluYaml, setNluYaml] = useState('');
  const [storiesYaml, setStoriesYaml] = useState('');
  const [nlu, setNlu] = useState(null);
  const [stories, setStories] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState('');

  useEffect(() => {
    setNlu(null);
    setStories(null);
    if (!tenant || !bot) return;
    api('GET', botPath(tenant, bot, '/files'))
      .then((out) => {
        setFiles(out.files);
        const storyFile = Object.keys(out.files).find((n) => n.startsWith('tests/'));
        if (storyFile) setStoriesYaml(out.files[storyFile]);
        const nluFile = Object.keys(out.files).find((n) => /nlu/.test(n));
        if (nluFile) setNluYaml(out.files[nluFile]);
      })
      .catch(setError);
  }, [tenant, bot]);

  if (!tenant || !bot) return <p>{t('noBot')}</p>;

  const run = async (kind) => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'nlu') {
        setNlu(await api('POST', botPath(tenant, bot, '/test/nlu'), { body: nluYaml, contentType: 'application/x-yaml' }));
      } else {
        setStories(await api('POST', botPath(tenant, bot, '/test/stories'), { body: storiesYaml, contentType: 'application/x-yaml' }));
      }
    } catch (err) {
      setError(kind === 'nlu' && err.status === 404 && err.code === 'not_found' && /Not Found/i.test(err.message)
        ? { ...err, message: t('noNluEndpoint') }
        : err);
    } finally {
      setBusy('');
    }
  };

  const intents = nlu ? nlu.intent_evaluation || nlu : null;
  const rows = intentRows(intents);
  const acc = accuracy(intents);
  const wrong = misclassified(intents);
  const storyData = stories ? [
    { name: t('passed'), value: stories.passed, fill: '#2b8a57' },
    { name: t('failed'), value: stories.total - stories.passed, fill: '#c83c28' },
  ] : [];

  return (
    <section aria-labelledby="eval-title">
      <h2 id="eval-title">{t('navEvaluation')}: {tenant} / {bot}</h2>
      <ErrorBox error={error} />
      <div className="grid2">
        <article className="card" aria-labelledby="nlu-title">
          <h3 id="nlu-title">{t('nluEvaluation')}</h3>
          <TestInput id="nlu" files={files} filter={(n) => n.startsWith('data/') || n.startsWith('tests/')} value={nluYaml} onChange={setNluYaml} />
          <button type="button" className="primary" onClick={() => run('nlu')} disabled={!!busy || !nluYaml.trim()}>{t('runEvaluation')}</button>
          {busy === 'nlu' ? <progress aria-label={t('running')} /> : null}
        </article>
        <article className="card" aria-labelledby="stories-title">
          <h3 id="stories-title">{t('storyTests')}</h3>
          <TestInput id="stories" files={files} filter={(n) => n.startsWith('tests/')} value={storiesYaml} onChange={setStoriesYaml} />
          <button type="button" className="primary" onClick={() => run('stories')} disabled={!!busy || !storiesYaml.trim()}>{t('runStories')}</button>
          {busy === 'stories' ? <progress aria-label={t('running')} /> : null}
        </article>
      </div>

      {intents ? (
        <article className="card" data-testid="nlu-result">
          <h3>{t('nluEvaluation')}</h3>
          <p className="big">{t('accuracy')}: <strong>{acc === null ? '—' : (acc * 100).toFixed(1) + '%'}</strong></p>
          <h4>{t('f1PerIntent')}</h4>
          <div className="chart" role="img" aria-label={t('f1PerIntent') + ': ' + rows.map((r) => `${r.intent} ${r.f1.toFixed(2)}`).join(', ')}>
            <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 28)}>
              <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" domain={[0, 1]} />
                <YAxis type="category" dataKey="intent" width={140} />
                <Tooltip />
                <Bar dataKey="f1" fill="#3b5bdb" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ConfusionMatrix matrix={confusion(intents)} />
          <h4>{t('misclassified')}</h4>
          {wrong.length === 0 ? <p>{t('none')}</p> : (
            <table className="table compact">
              <thead><tr><th>{t('text')}</th><th>{t('expected')}</th><th>{t('predicted')}</th><th>{t('confidence')}</th></tr></thead>
              <tbody>
                {wrong.map((w, i) => (
                  <tr key={i}><td>{w.text}</td><td>{w.expected}</td><td>{w.predicted}</td><td>{typeof w.confidence === 'number' ? w.confidence.toFixed(2) : ''}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      ) : null}

      {stories ? (
        <article className="card" data-testid="story-result">
          <h3>{t('storyTests')}</h3>
          <p className="big">{t('storiesSummary', { passed: stories.passed, total: stories.total })}</p>
          <div className="chart" role="img" aria-label={t('storiesSummary', { passed: stories.passed, total: stories.total })}>
            <ResponsiveContainer width="100%" height={140}>
              <BarChart data={storyData} layout="vertical" margin={{ left: 24, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={80} />
                <Bar dataKey="value" isAnimationActive={false}>
                  {storyData.map((d) => <Cell key={d.name} fill={d.fill} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          {stories.failed.length > 0 ? (
            <table className="table compact">
              <thead><tr><th>{t('story')}</th><th>{t('step')}</th><th>{t('expected')}</th><th>{t('predicted')}</th></tr></thead>
              <tbody>
                {stories.failed.map((f, i) => (
                  <tr key={i}><td>{f.story}</td><td>{String(f.step)}</td><td>{String(f.expected)}</td><td>{String(f.predicted)}</td></tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </article>
      ) : null}
    </section>
  );
}
