import { useState } from 'react';
import { api, botPath } from '../api.js';
import { useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';

/** Shows a new API key once, with a button to dismiss it. */
export function KeyNotice({ bot, apiKey, onClose }) {
  const t = useT();
  if (!apiKey) return null;
  return (
    <div className="notice" role="status">
      <p>{t('apiKeyOnce', { bot })}</p>
      <code className="key" data-testid="api-key">{apiKey}</code>
      <button type="button" onClick={onClose}>{t('close')}</button>
    </div>
  );
}

export default function Tenants({ me, canWrite, tenants, reloadTenants, select }) {
  const t = useT();
  const [tenantName, setTenantName] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(null);

  const run = async (fn) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const createTenant = (e) => {
    e.preventDefault();
    run(async () => {
      await api('PUT', `admin/tenants/${encodeURIComponent(tenantName)}`);
      setTenantName('');
      await reloadTenants();
    });
  };

  const newKey = (tenant, bot) => {
    if (!window.confirm(t('newKeyConfirm'))) return;
    run(async () => {
      const out = await api('POST', botPath(tenant, bot, '/key'));
      setKey({ bot, apiKey: out.apiKey });
    });
  };

  return (
    <section aria-labelledby="tenants-title">
      <h2 id="tenants-title">{t('tenants')}</h2>
      {me.role === 'platform_admin' ? (
        <form className="row" onSubmit={createTenant}>
          <label>
            <span>{t('newTenant')}</span>
            <input name="tenant" value={tenantName} onChange={(e) => setTenantName(e.target.value)} required pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}" />
          </label>
          <button type="submit" className="primary" disabled={busy}>{t('createTenant')}</button>
        </form>
      ) : null}
      <ErrorBox error={error} />
      {key ? <KeyNotice bot={key.bot} apiKey={key.apiKey} onClose={() => setKey(null)} /> : null}
      {tenants.map((tenant) => (
        <article key={tenant.tenant} className="card" aria-label={`${t('tenant')} ${tenant.tenant}`}>
          <h3>{tenant.tenant}</h3>
          <p className="muted">{t('created')}: {new Date(tenant.created_at).toLocaleString()}</p>
          <h4>{t('bots')}</h4>
          {tenant.bots.length === 0 ? <p>{t('noBots')}</p> : null}
          <ul className="bots">
            {tenant.bots.map((bot) => (
              <li key={bot}>
                <span className="bot-name">{bot}</span>
                <button type="button" onClick={() => { select({ tenant: tenant.tenant, bot }); window.location.hash = '#/bot'; }}>{t('open')}</button>
                {canWrite ? <button type="button" onClick={() => newKey(tenant.tenant, bot)}>{t('newKey')}</button> : null}
              </li>
            ))}
          </ul>
          {canWrite ? (
            <NewBot
              tenant={tenant.tenant}
              onCreated={async (bot, apiKey) => {
                await reloadTenants();
                select({ tenant: tenant.tenant, bot });
                if (apiKey) setKey({ bot, apiKey });
              }}
            />
          ) : null}
        </article>
      ))}
    </section>
  );
}

function NewBot({ tenant, onCreated }) {
  const t = useT();
  const [name, setName] = useState('');
  const [file, setFile] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const id = `newbot-${tenant}`;

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const out = await api('PUT', botPath(tenant, name), { body: await file.arrayBuffer(), contentType: 'application/zip' });
      setName('');
      await onCreated(out.bot, out.apiKey);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="row" onSubmit={submit} aria-label={t('createBot')}>
      <label>
        <span>{t('newBot')}</span>
        <input name="bot" id={id} value={name} onChange={(e) => setName(e.target.value)} required pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}" />
      </label>
      <label>
        <span>{t('projectZip')}</span>
        <input name="zip" type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files[0] || null)} required />
      </label>
      <button type="submit" className="primary" disabled={busy}>{t('createBot')}</button>
      {busy ? <progress aria-label={t('training')} /> : null}
      <ErrorBox error={error} />
    </form>
  );
}
