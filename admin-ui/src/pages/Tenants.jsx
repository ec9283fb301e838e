import { useState } from 'react';
import { api, botPath } from '../api.js';
import { useLang, useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';
import ConfirmDialog from '../components/ConfirmDialog.jsx';
import { botLabel, tenantDeletion, tenantLabel } from '../lifecycle.js';
import { trainWithProgress } from '../training.js';
import TrainingBar from '../components/TrainingBar.jsx';
import { idFromName, idProblem } from '../names.js';
import { formatDateTime } from '../dates.js';

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
  const lang = useLang();
  const [tenantName, setTenantName] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(null);
  const [confirm, setConfirm] = useState(null);
  const [renaming, setRenaming] = useState(null);
  const platformAdmin = me.role === 'platform_admin';

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

  const rename = (path, name) =>
    run(async () => {
      await api('PATCH', path, { body: { display_name: name } });
      setRenaming(null);
      await reloadTenants();
    });

  const askDeleteBot = (tenant, bot) =>
    setConfirm({
      id: 'delete-bot',
      message: t('deleteBotConfirm', { bot: botLabel(tenant, bot) }),
      label: t('deleteBot'),
      action: async () => {
        await api('DELETE', botPath(tenant.tenant, bot));
        select({ tenant: tenant.tenant, bot: '' });
      },
    });

  const askDeleteTenant = (tenant) => {
    const plan = tenantDeletion(tenant);
    setConfirm({
      id: 'delete-tenant',
      message: t(plan.messageKey, plan.vars),
      label: t('deleteTenant'),
      action: () => api('DELETE', plan.path),
    });
  };

  const confirmed = () =>
    run(async () => {
      try {
        await confirm.action();
      } finally {
        setConfirm(null);
      }
      await reloadTenants();
    });

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
      {confirm ? (
        <ConfirmDialog id={confirm.id} message={confirm.message} confirmLabel={confirm.label} busy={busy} onConfirm={confirmed} onCancel={() => setConfirm(null)} />
      ) : null}
      {tenants.map((tenant) => (
        <article key={tenant.tenant} className="card" aria-label={`${t('tenant')} ${tenant.tenant}`}>
          {renaming === tenant.tenant ? (
            <RenameForm name={tenant.tenant} initial={tenantLabel(tenant)} busy={busy} onSave={(n) => rename(`admin/tenants/${encodeURIComponent(tenant.tenant)}`, n)} onCancel={() => setRenaming(null)} />
          ) : (
            <h3>
              {tenantLabel(tenant)}
              {tenantLabel(tenant) !== tenant.tenant ? <span className="muted"> ({tenant.tenant})</span> : null}
            </h3>
          )}
          {platformAdmin && renaming !== tenant.tenant ? (
            <div className="row">
              <button type="button" onClick={() => setRenaming(tenant.tenant)}>{t('rename')} {tenant.tenant}</button>
              <button type="button" className="danger" onClick={() => askDeleteTenant(tenant)}>{t('deleteTenant')} {tenant.tenant}</button>
            </div>
          ) : null}
          <p className="muted">{t('created')}: {formatDateTime(tenant.created_at, lang)}</p>
          <h4>{t('bots')}</h4>
          {tenant.bots.length === 0 ? <p>{t('noBots')}</p> : null}
          <ul className="bots">
            {tenant.bots.map((bot) => (
              <li key={bot}>
                {renaming === `${tenant.tenant}/${bot}` ? (
                  <RenameForm name={bot} initial={botLabel(tenant, bot)} busy={busy} onSave={(n) => rename(botPath(tenant.tenant, bot), n)} onCancel={() => setRenaming(null)} />
                ) : (
                  <span className="bot-name">
                    {botLabel(tenant, bot)}
                    {botLabel(tenant, bot) !== bot ? <span className="muted"> ({bot})</span> : null}
                  </span>
                )}
                <button type="button" onClick={() => { select({ tenant: tenant.tenant, bot }); window.location.hash = '#/bot'; }}>{t('open')}</button>
                {canWrite ? <button type="button" onClick={() => newKey(tenant.tenant, bot)}>{t('newKey')}</button> : null}
                {canWrite ? <button type="button" aria-label={`${t('rename')} ${bot}`} onClick={() => setRenaming(`${tenant.tenant}/${bot}`)}>{t('rename')}</button> : null}
                {canWrite ? <button type="button" className="danger" aria-label={`${t('deleteBot')} ${bot}`} onClick={() => askDeleteBot(tenant, bot)}>{t('delete')}</button> : null}
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

/** An inline form for a display name; an empty name resets it to the id. */
export function RenameForm({ name, initial, busy, onSave, onCancel }) {
  const t = useT();
  const [value, setValue] = useState(initial);
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <label>
        <span>{t('displayName', { name })}</span>
        <input name="display_name" value={value} maxLength={120} autoFocus onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>{t('save')}</button>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
    </form>
  );
}

function NewBot({ tenant, onCreated }) {
  const t = useT();
  const [displayName, setDisplayName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [file, setFile] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(null);
  const fieldId = `newbot-${tenant}`;
  const problem = id || idEdited || displayName ? idProblem(id) : null;

  const nameChanged = (value) => {
    setDisplayName(value);
    if (!idEdited) setId(idFromName(value));
  };

  const submit = async (e) => {
    e.preventDefault();
    if (idProblem(id)) return;
    setBusy(true);
    setError(null);
    try {
      setProgress({ stage: 'queued', percent: 0 });
      const out = await trainWithProgress(api, botPath(tenant, id), { body: await file.arrayBuffer(), contentType: 'application/zip' }, setProgress);
      if (displayName.trim() && displayName.trim() !== id) {
        await api('PATCH', botPath(tenant, id), { body: { display_name: displayName.trim() } });
      }
      setDisplayName('');
      setId('');
      setIdEdited(false);
      await onCreated(out.bot, out.apiKey);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <form className="row new-bot" onSubmit={submit} aria-label={t('createBot')} noValidate>
      <label>
        <span>{t('botDisplayName')}</span>
        <input name="display_name" value={displayName} maxLength={120} onChange={(e) => nameChanged(e.target.value)} />
      </label>
      <label>
        <span>{t('botId')}</span>
        <input name="bot" id={fieldId} value={id} aria-describedby={`${fieldId}-rule`} aria-invalid={problem ? 'true' : undefined}
          onChange={(e) => { setIdEdited(true); setId(e.target.value); }} />
        <small id={`${fieldId}-rule`} className={problem ? 'field-problem' : 'muted'} role={problem ? 'alert' : undefined}>
          {problem ? t(problem) : t('idRule')}
        </small>
      </label>
      <label>
        <span>{t('projectZip')}</span>
        <input name="zip" type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files[0] || null)} required />
      </label>
      <button type="submit" className="primary" disabled={busy || !file || !!idProblem(id)}>{t('createBot')}</button>
      {busy ? <TrainingBar progress={progress} /> : null}
      <ErrorBox error={error} />
    </form>
  );
}
