import { useEffect, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';
import { api, botPath } from '../api.js';
import { pointsFromSamples, snapshotFromSample } from '../metrics.js';


function Chart({ title, data, lines, percent }) {
  const t = useT();
  const hasData = data.some((d) => lines.some(([key]) => d[key] !== null && d[key] !== undefined));
  return (
    <article className="card chart-card" aria-label={title}>
      <h3>{title}</h3>
      {hasData ? (
        <ResponsiveContainer width="100%" height={180}>
          <LineChart data={data} margin={{ left: 0, right: 12, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="time" minTickGap={40} />
            <YAxis tickFormatter={percent ? (v) => `${Math.round(v * 100)}%` : undefined} domain={percent ? [0, 1] : ['auto', 'auto']} width={48} />
            <Tooltip />
            <Legend />
            {lines.map(([key, name, color]) => (
              <Line key={key} dataKey={key} name={name} stroke={color} dot={false} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      ) : (
        <p className="muted">{data.length < 1 ? t('loading') : t('notReported')}</p>
      )}
    </article>
  );
}

export default function Dashboard({ tenant, bot }) {
  const t = useT();
  const [points, setPoints] = useState([]);
  const [latest, setLatest] = useState(null);
  const [interval, setIntervalSeconds] = useState(10);
  const [error, setError] = useState(null);

  useEffect(() => {
    setPoints([]);
    setLatest(null);
    if (!tenant || !bot) return undefined;
    let stopped = false;
    const load = async () => {
      try {
        const out = await api('GET', botPath(tenant, bot, '/metrics'));
        if (stopped) return;
        setIntervalSeconds(out.interval_seconds);
        setPoints(pointsFromSamples(out.samples));
        setLatest(out.samples.length ? snapshotFromSample(out.samples[out.samples.length - 1]) : null);
        setError(null);
      } catch (err) {
        setError(err);
      }
    };
    load();
    const timer = setInterval(load, 5000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [tenant, bot]);

  if (!tenant || !bot) return <p>{t('noBot')}</p>;

  return (
    <section aria-labelledby="dash-title">
      <h2 id="dash-title">{t('dashboard')}: {tenant} / {bot}</h2>
      <p className="muted">{t('sampling', { seconds: interval })}</p>
      <ErrorBox error={error} />
      <dl className="totals" aria-label={t('totals')}>
        <div><dt>{t('turns')}</dt><dd data-testid="total-turns">{latest && latest.turns !== null ? latest.turns : 0}</dd></div>
        {['p50', 'p95', 'p99'].map((q) => (
          <div key={q}><dt>{q}</dt><dd>{latest && latest[q] !== null ? latest[q].toFixed(1) + ' ms' : '—'}</dd></div>
        ))}
      </dl>
      <div className="grid2">
        <Chart title={t('turnsPerMinute')} data={points} lines={[['turnsPerMinute', t('turnsPerMinute'), '#3b5bdb']]} />
        <Chart title={t('latency')} data={points} lines={[['p50', 'p50', '#2b8a57'], ['p95', 'p95', '#e67700'], ['p99', 'p99', '#c83c28']]} />
        <Chart title={t('lowConfidenceRate')} data={points} percent lines={[['lowConfidenceRate', t('lowConfidenceRate'), '#ae3ec9']]} />
        <Chart title={t('fallbackRates')} data={points} percent lines={[['recheckRate', t('legendRecheck'), '#1098ad'], ['llmFallbackRate', t('legendLlmFallback'), '#e67700']]} />
        <Chart title={t('slotFailures')} data={points} lines={[['slotFailures', t('legendSlotFill'), '#c83c28'], ['failures', t('legendTurnFailures'), '#495057']]} />
      </div>
    </section>
  );
}
