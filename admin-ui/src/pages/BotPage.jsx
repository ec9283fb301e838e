import { useCallback, useEffect, useState } from 'react';
import { api, botPath } from '../api.js';
import { useLang, useT } from '../i18n.js';
import { formatDateTime } from '../dates.js';
import ErrorBox from '../components/ErrorBox.jsx';
import CodeView from '../components/CodeView.jsx';
import { problemsByFile, readProjectZip, writeProjectZip } from '../project.js';
import { trainWithProgress } from '../training.js';
import TrainingBar from '../components/TrainingBar.jsx';
import ConfirmDialog from '../components/ConfirmDialog.jsx';
import FileDiff from '../components/FileDiff.jsx';
import { projectDiff } from '../diffs.js';

/** Before training: what changed against the active version, an optional note, confirm. */
export function TrainPreview({ from, project, onConfirm, onCancel, busy }) {
  const t = useT();
  const [note, setNote] = useState('');
  const diffs = projectDiff(from.files, project);
  return (
    <article className="card preview" aria-labelledby="preview-title" data-testid="train-preview">
      <h3 id="preview-title">{t('previewTitle', { version: from.version })}</h3>
      <p>{diffs.length === 0 ? t('previewSame') : t('previewSummary', { count: diffs.length })}</p>
      <FileDiff diffs={diffs} />
      <label className="note">
        <span>{t('versionNote')}</span>
        <textarea name="note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('versionNoteHint')} />
      </label>
      <div className="row">
        <button type="button" onClick={onCancel} disabled={busy}>{t('cancel')}</button>
        <button type="button" className="primary" onClick={() => onConfirm(note)} disabled={busy}>{t('confirmTrain')}</button>
      </div>
    </article>
  );
}

/** One version's changes against the version before it, loaded when opened. */
function VersionChanges({ tenant, bot, version, previous }) {
  const t = useT();
  const [diffs, setDiffs] = useState(null);
  const [error, setError] = useState(null);
  const load = async (e) => {
    if (!e.currentTarget.open || diffs) return;
    try {
      const [now, before] = await Promise.all([
        api('GET', botPath(tenant, bot, `/files?version=${version}`)),
        previous ? api('GET', botPath(tenant, bot, `/files?version=${previous}`)) : Promise.resolve({ files: {} }),
      ]);
      setDiffs(projectDiff(before.files, now.files));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details onToggle={load} className="version-changes">
      <summary>{previous ? t('diffAgainst', { version: previous }) : t('firstVersion')}</summary>
      <ErrorBox error={error} />
      {diffs ? <FileDiff diffs={diffs} open={diffs.length <= 3} /> : <p className="muted">{t('loading')}</p>}
    </details>
  );
}

const VALIDATE_DELAY_MS = 600;

export default function BotPage({ tenant, bot, canWrite }) {
  const t = useT();
  const lang = useLang();
  const [info, setInfo] = useState(null);
  const [files, setFiles] = useState({});
  const [current, setCurrent] = useState('');
  const [editing, setEditing] = useState(false);
  const [problems, setProblems] = useState({});
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [progress, setProgress] = useState(null);
  const [active, setActive] = useState({ version: 0, files: {} });
  const [pending, setPending] = useState(null);
  const [rollback, setRollback] = useState(null);

  const load = useCallback(async () => {
    if (!tenant || !bot) return;
    setError(null);
    try {
      const [described, project] = await Promise.all([
        api('GET', botPath(tenant, bot, '/versions')),
        api('GET', botPath(tenant, bot, '/files')),
      ]);
      setInfo(described);
      setFiles(project.files);
      setActive({ version: project.version, files: project.files });
      setCurrent((c) => (c && project.files[c] !== undefined ? c : Object.keys(project.files).sort()[0] || ''));
      setProblems({});
    } catch (err) {
      setError(err);
    }
  }, [tenant, bot]);

  useEffect(() => {
    load();
  }, [load]);

  // While editing, the import validator checks the files (debounced; nothing is trained).
  const [check, setCheck] = useState(null);
  useEffect(() => {
    if (!editing || !tenant || !bot) {
      setCheck(null);
      return undefined;
    }
    let stale = false;
    const timer = setTimeout(async () => {
      try {
        const out = await api('POST', botPath(tenant, bot, '/validate'), { body: { files } });
        if (stale) return;
        setCheck({ problems: out.problems.length });
        setProblems(problemsByFile(out.problems));
      } catch {
        if (!stale) setCheck(null);
      }
    }, VALIDATE_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [editing, files, tenant, bot]);

  if (!tenant || !bot) return <p>{t('noBot')}</p>;

  const train = async (project, note) => {
    setPending(null);
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      setProgress({ stage: 'queued', percent: 0 });
      const out = await trainWithProgress(api, botPath(tenant, bot), { body: writeProjectZip(project), contentType: 'application/zip' }, setProgress, { query: { note } });
      setEditing(false);
      await load();
      setNotice(t('trained', { version: out.version }));
    } catch (err) {
      setError(err);
      setFiles(project);
      const byFile = problemsByFile(err.details);
      setProblems(byFile);
      const first = Object.keys(byFile)[0];
      if (first && project[first] !== undefined) setCurrent(first);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const upload = async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    let project;
    try {
      project = readProjectZip(await file.arrayBuffer());
    } catch (err) {
      setError({ message: String(err.message || err) });
      return;
    }
    setNotice('');
    setPending(project);
  };

  const exportZip = async () => {
    try {
      const blob = await api('GET', botPath(tenant, bot, '/export'), { as: 'blob' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${tenant}-${bot}.zip`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      setError(err);
    }
  };

  const activate = async (version) => {
    setRollback(null);
    setBusy(true);
    setError(null);
    try {
      await api('POST', botPath(tenant, bot, `/versions/${version}/activate`));
      await load();
      setNotice(t('activated', { version }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const names = Object.keys(files).sort();
  return (
    <section aria-labelledby="bot-title">
      <h2 id="bot-title">{t('definition')}: {tenant} / {bot}</h2>
      <div className="row">
        {canWrite ? (
          <label className="button-like">
            <span>{t('uploadRetrain')}</span>
            <input type="file" name="project" accept=".zip,application/zip" onChange={upload} disabled={busy} />
          </label>
        ) : null}
        <button type="button" onClick={exportZip}>{t('export')}</button>
        {canWrite && current ? (
          <button type="button" onClick={() => setEditing((x) => !x)} aria-pressed={editing}>✎ {t('edit')} {current}</button>
        ) : null}
        {canWrite && editing ? (
          <button type="button" className="primary" onClick={() => setPending(files)} disabled={busy}>{t('saveTrain')}</button>
        ) : null}
      </div>
      {pending ? <TrainPreview from={active} project={pending} busy={busy} onCancel={() => setPending(null)} onConfirm={(note) => train(pending, note)} /> : null}
      {busy ? <TrainingBar progress={progress} /> : null}
      {notice ? <p className="ok" role="status">{notice}</p> : null}
      <ErrorBox error={error} />
      <div className="split">
        <ul className="filelist" aria-label={t('files')}>
          {names.map((name) => (
            <li key={name}>
              <button type="button" aria-current={name === current ? 'true' : undefined} onClick={() => setCurrent(name)} className={problems[name] ? 'has-problem' : ''}>
                {name}
                {problems[name] ? ' ⚠' : ''}
              </button>
            </li>
          ))}
        </ul>
        <div className="filepane">
          {editing && check ? (
            <p className={check.problems ? 'live-check bad' : 'live-check ok'} role="status" data-testid="live-check">
              {check.problems ? t('liveProblems', { count: check.problems }) : t('liveValid')}
            </p>
          ) : null}
          {current && editing ? (
            <label className="editor">
              <span className="sr-only">{current}</span>
              <textarea spellCheck={false} value={files[current] || ''} onChange={(e) => setFiles({ ...files, [current]: e.target.value })} rows={24} />
            </label>
          ) : null}
          {current ? <CodeView name={current} text={files[current] || ''} marks={problems[current] || {}} /> : null}
        </div>
      </div>
      {info && info.warnings && info.warnings.length > 0 ? (
        <details>
          <summary>{t('warnings')} ({info.warnings.length})</summary>
          <ul>
            {info.warnings.map((w, i) => (
              <li key={i}>{w.file}{w.line ? `:${w.line}` : ''} — {w.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <h3>{t('versions')}</h3>
      {info ? (
        <div className="scroll-x">
        <table className="table" data-testid="versions">
          <thead>
            <tr>
              <th>{t('version')}</th>
              <th>{t('createdBy')}</th>
              <th>{t('created')}</th>
              <th>{t('note')}</th>
              <th>{t('changed')}</th>
              <th><span className="sr-only">{t('activate')}</span></th>
            </tr>
          </thead>
          <tbody>
            {info.versions.map((v, i) => (
              <tr key={v.version}>
                <td>v{v.version} {v.version === info.active_version ? <span className="badge">{t('active')}</span> : null}</td>
                <td className="who">{v.created_by || '—'}</td>
                <td>{formatDateTime(v.created_at, lang)}</td>
                <td className="version-note">{v.note || <span className="muted">—</span>}</td>
                <td className="changed">
                  {v.changed.join(', ')}
                  <VersionChanges tenant={tenant} bot={bot} version={v.version} previous={info.versions[i + 1]?.version} />
                </td>
                <td>
                  {canWrite && v.version !== info.active_version ? (
                    <button type="button" onClick={() => setRollback(v.version)} disabled={busy}>
                      {v.version < info.active_version ? t('rollback', { version: v.version }) : t('activate')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      {rollback !== null && info ? (
        <ConfirmDialog
          id="rollback"
          message={t(rollback < info.active_version ? 'rollbackConfirm' : 'activateConfirm', { from: info.active_version, to: rollback })}
          confirmLabel={rollback < info.active_version ? t('rollback', { version: rollback }) : t('activate')}
          onConfirm={() => activate(rollback)}
          onCancel={() => setRollback(null)}
          busy={busy}
        />
      ) : null}
    </section>
  );
}
