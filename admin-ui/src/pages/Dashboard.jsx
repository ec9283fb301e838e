import { useEffect, useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';
import { parsePrometheus, point, snapshot } from '../metrics.js';

const INTERVAL_SECONDS = 5;
const KEEP_POINTS = 120;

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
  const [error, setError] = useState(null);
  const last = useRef(null);

  useEffect(() => {
    setPoints([]);
    last.current = null;
    if (!tenant || !bot) return undefined;
    let stopped = false;
    const scrape = async () => {
      try {
        const response = await fetch('/metrics', { headers: { Accept: 'text/plain' } });
        const samples = parsePrometheus(await response.text());
        const now = snapshot(samples, tenant, bot);
        if (stopped) return;
        setLatest(now);
        if (last.current) {
          const p = point(last.current, now);
          setPoints((list) => [...list.slice(-KEEP_POINTS + 1), p]);
        }
        last.current = now;
        setError(null);
      } catch (err) {
        setError({ message: String(err.message || err) });
      }
    };
    scrape();
    const timer = setInterval(scrape, INTERVAL_SECONDS * 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [tenant, bot]);

  if (!tenant || !bot) return <p>{t('noBot')}</p>;

  return (
    <section aria-labelledby="dash-title">
      <h2 id="dash-title">{t('dashboard')}: {tenant} / {bot}</h2>
      <p className="muted">{t('sampling', { seconds: INTERVAL_SECONDS })}</p>
      <ErrorBox error={error} />
      {latest ? (
        <dl className="totals" aria-label={t('totals')}>
          <div><dt>{t('turns')}</dt><dd data-testid="total-turns">{latest.turns ?? 0}</dd></div>
          <div><dt>p50</dt><dd>{latest.p50 === null ? '—' : latest.p50.toFixed(1) + ' ms'}</dd></div>
          <div><dt>p95</dt><dd>{latest.p95 === null ? '—' : latest.p95.toFixed(1) + ' ms'}</dd></div>
          <div><dt>p99</dt><dd>{latest.p99 === null ? '—' : latest.p99.toFixed(1) + ' ms'}</dd></div>
        </dl>
      ) : null}
      <div className="grid2">
        <Chart title={t('turnsPerMinute')} data={points} lines={[['turnsPerMinute', t('turnsPerMinute'), '#3b5bdb']]} />
        <Chart title={t('latency')} data={points} lines={[['p50', 'p50', '#2b8a57'], ['p95', 'p95', '#e67700'], ['p99', 'p99', '#c83c28']]} />
        <Chart title={t('lowConfidenceRate')} data={points} percent lines={[['lowConfidenceRate', t('lowConfidenceRate'), '#ae3ec9']]} />
        <Chart title={t('fallbackRates')} data={points} percent lines={[['recheckRate', 're-check', '#1098ad'], ['llmFallbackRate', 'LLM fallback', '#e67700']]} />
        <Chart title={t('slotFailures')} data={points} lines={[['slotFailures', 'slot fill', '#c83c28'], ['failures', 'turn failures', '#495057']]} />
      </div>
    </section>
  );
}
