import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';
import { boundsProblem, initialValues, inputType, toYaml } from '../configForm.js';

/** One plugin's declared settings as a form, rendered from the declarations alone. */
function PluginForm({ plugin }) {
  const t = useT();
  const [values, setValues] = useState(() => initialValues(plugin.config));
  const config = plugin.config || [];
  if (config.length === 0) return <p className="muted">{t('noConfig')}</p>;
  return (
    <form className="plugin-form" onSubmit={(e) => e.preventDefault()} aria-label={`${plugin.id} ${t('config')}`}>
      {config.map((prop) => {
        const id = `cfg-${plugin.id}-${prop.name}`;
        const type = inputType(prop);
        const options = prop.options || prop.allowed_values || null;
        return (
          <div key={prop.name} className="field">
            <label htmlFor={id}>
              {prop.name}
              {prop.required ? <span className="muted"> ({t('required')})</span> : null}
            </label>
            {options && options.length ? (
              <select id={id} value={values[prop.name]} onChange={(e) => setValues({ ...values, [prop.name]: e.target.value })}>
                {options.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            ) : type === 'checkbox' ? (
              <input id={id} type="checkbox" checked={!!values[prop.name]} onChange={(e) => setValues({ ...values, [prop.name]: e.target.checked })} />
            ) : (
              <input id={id} type={type} value={values[prop.name]} step={type === 'number' ? 'any' : undefined} min={prop.min ?? undefined} max={prop.max ?? undefined} onChange={(e) => setValues({ ...values, [prop.name]: e.target.value })} aria-describedby={id + '-help'} />
            )}
            <small id={id + '-help'} className="muted">
              {prop.description || ''} {prop.type ? <code>{String(prop.type).toLowerCase()}</code> : null}
              {prop.min != null || prop.max != null ? <> {t('range', { min: prop.min ?? '−∞', max: prop.max ?? '∞' })}</> : null}
            </small>
            {type === 'number' && boundsProblem(prop, values[prop.name]) ? (
              <small className="field-problem" role="alert">{t(boundsProblem(prop, values[prop.name]).key, boundsProblem(prop, values[prop.name]))}</small>
            ) : null}
          </div>
        );
      })}
      <details>
        <summary>{t('asYaml')}</summary>
        <pre className="code small">{toYaml(plugin.id, config, values)}</pre>
      </details>
    </form>
  );
}

/** A channel's paths, or why the server left it out; its settings live in credentials.yml. */
function ChannelFacts({ channel }) {
  const t = useT();
  if (channel.status === 'off') {
    return <p role="alert" className="wrap-anywhere"><span className="badge bad">{t('channelOff')}</span> {channel.error}</p>;
  }
  return (
    <>
      <p className="small wrap-anywhere">{t('channelPaths')}: {(channel.paths || []).map((path, i) => <span key={path}>{i ? ', ' : ''}<code>{path}</code></span>)}</p>
      <p className="muted small">{t('channelSettings')}</p>
    </>
  );
}

/** Whether a plugin matches the search words (id, kind, description, setting names). */
export function pluginMatches(plugin, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [plugin.id, plugin.kind, plugin.description, ...(plugin.config || []).map((c) => c.name)].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

export default function Plugins() {
  const t = useT();
  const [query, setQuery] = useState('');
  const [plugins, setPlugins] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    api('GET', 'admin/plugins').then(setPlugins).catch(setError);
  }, []);

  // the first plugin with settings starts open, as an example of the form
  const firstConfigurable = (plugins || []).find((p) => (p.config || []).length > 0);

  return (
    <section aria-labelledby="plugins-title">
      <h2 id="plugins-title">{t('plugins')}</h2>
      <p className="muted">{t('pluginConfigNote')}</p>
      <label className="plugin-search">
        <span>{t('searchPlugins')}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="DIETClassifier, nlu, epochs…" />
      </label>
      {plugins ? <p className="muted small" role="status">{t('pluginsShown', { shown: plugins.filter((p) => pluginMatches(p, query)).length, total: plugins.length })}</p> : null}
      <ErrorBox error={error} />
      {!plugins && !error ? <p>{t('loading')}</p> : null}
      <div className="grid2">
        {(plugins || []).filter((p) => pluginMatches(p, query)).map((p) => (
          <article key={p.kind + p.id} className="card" aria-labelledby={`plugin-${p.kind}-${p.id}`}>
            <h3 id={`plugin-${p.kind}-${p.id}`}>{p.id} <span className="badge">{p.kind}</span> <span className="muted small">{p.version}</span></h3>
            <p>{p.description}</p>
            <p className="muted small wrap-anywhere">{t('source')}: {p.source}</p>
            {p.kind === 'channel' ? <ChannelFacts channel={p} /> : (
              <details open={!!query || p === firstConfigurable}>
                <summary>{t('config')} ({(p.config || []).length})</summary>
                <PluginForm plugin={p} />
              </details>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
