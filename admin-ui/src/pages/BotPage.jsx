import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { api, botPath } from '../api.js';
import { useLang, useT } from '../i18n.js';
import { formatDateTime } from '../dates.js';
import ErrorBox from '../components/ErrorBox.jsx';
import IntentEditor from '../components/IntentEditor.jsx';
import ResponseEditor from '../components/ResponseEditor.jsx';
import { markList } from '../editorMarks.js';
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

/**
 * The validator's problems (or, with `warnings`, its warnings) of one file, each a button that moves
 * the editor to its line.
 */
function LineProblems({ file, marks, onJump, warnings = false }) {
  const t = useT();
  const list = markList(marks);
  if (list.length === 0) return null;
  return (
    <section
      className={warnings ? 'line-problems line-warnings' : 'line-problems'}
      aria-label={t(warnings ? 'lineWarnings' : 'lineProblems', { file })}
      data-testid={warnings ? 'line-warnings' : 'line-problems'}
    >
      <ul>
        {list.map(({ line, message }) => (
          <li key={line}>
            <button type="button" onClick={() => onJump(line)}>{t('lineProblem', { line, message })}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the live check says: errors and warnings counted, or that there is neither. */
function LiveCheck({ problems, warnings }) {
  const t = useT();
  let text = t('liveValid');
  if (problems && warnings) text = t('liveProblemsWarnings', { count: problems, warnings });
  else if (problems) text = t('liveProblems', { count: problems });
  else if (warnings) text = t('liveWarnings', { warnings });
  const tone = problems ? 'bad' : warnings ? 'warn' : 'ok';
  return (
    <p className={`live-check ${tone}`} role="status" data-testid="live-check" data-errors={problems} data-warnings={warnings}>
      {text}
    </p>
  );
}

/** Whether the files differ from the active version's. */
function changedFrom(before, after) {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].some((n) => before[n] !== after[n]);
}

// CodeMirror is loaded with the first file shown, not with the console
const YamlEditor = lazy(() => import('../components/YamlEditor.jsx'));
const NO_MARKS = {};
const VIEWS = [
  ['yaml', 'viewYaml'],
  ['intents', 'viewIntents'],
  ['responses', 'viewResponses'],
];
const VALIDATE_DELAY_MS = 600;

export default function BotPage({ tenant, bot, canWrite }) {
  const t = useT();
  const lang = useLang();
  const [info, setInfo] = useState(null);
  const [files, setFiles] = useState({});
  const [current, setCurrent] = useState('');
  const [editing, setEditing] = useState(false);
  const [problems, setProblems] = useState({});
  const [warnings, setWarnings] = useState(NO_MARKS);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [progress, setProgress] = useState(null);
  const [active, setActive] = useState({ version: 0, files: {} });
  const [pending, setPending] = useState(null);
  const [rollback, setRollback] = useState(null);
  const [view, setView] = useState('yaml');
  const [jump, setJump] = useState(null);
  const dirty = changedFrom(active.files, files);
  const checking = editing || dirty;

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
      setWarnings(NO_MARKS);
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
    if (!checking || !tenant || !bot) {
      setCheck(null);
      setWarnings(NO_MARKS);
      return undefined;
    }
    let stale = false;
    const timer = setTimeout(async () => {
      try {
        const out = await api('POST', botPath(tenant, bot, '/validate'), { body: { files } });
        if (stale) return;
        const found = out.warnings || [];
        setCheck({ problems: out.problems.length, warnings: found.length });
        setProblems(problemsByFile(out.problems));
        setWarnings(problemsByFile(found));
      } catch {
        if (!stale) setCheck(null);
      }
    }, VALIDATE_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [checking, files, tenant, bot]);

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
      if (first && project[first] !== undefined) {
        setView('yaml');
        setCurrent(first);
        setJump({ file: first, line: markList(byFile[first])[0].line });
      }
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
        {canWrite && current && view === 'yaml' ? (
          <button type="button" onClick={() => setEditing((x) => !x)} aria-pressed={editing}>✎ {t('edit')} {current}</button>
        ) : null}
        {canWrite && checking ? (
          <button type="button" className="primary" onClick={() => setPending(files)} disabled={busy}>{t('saveTrain')}</button>
        ) : null}
        {canWrite && dirty ? (
          <>
            <span className="muted small" data-testid="unsaved">{t('unsavedChanges')}</span>
            <button type="button" onClick={() => { setFiles(active.files); setProblems({}); setEditing(false); }} disabled={busy}>{t('discardChanges')}</button>
          </>
        ) : null}
      </div>
      {pending ? <TrainPreview from={active} project={pending} busy={busy} onCancel={() => setPending(null)} onConfirm={(note) => train(pending, note)} /> : null}
      {busy ? <TrainingBar progress={progress} /> : null}
      {notice ? <p className="ok" role="status">{notice}</p> : null}
      <ErrorBox error={error} />
      <div className="tabs" role="tablist" aria-label={t('editorViews')}>
        {VIEWS.map(([id, key]) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={view === id} aria-controls="editor-panel" onClick={() => setView(id)}>
            {t(key)}
          </button>
        ))}
      </div>
      {checking && check ? <LiveCheck problems={check.problems} warnings={check.warnings} /> : null}
      <div id="editor-panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
        {view === 'intents' ? <IntentEditor files={files} onChange={setFiles} readOnly={!canWrite || busy} /> : null}
        {view === 'responses' ? <ResponseEditor files={files} onChange={setFiles} readOnly={!canWrite || busy} /> : null}
        {view === 'yaml' ? (
          <div className="split">
            <ul className="filelist" aria-label={t('files')}>
              {names.map((name) => (
                <li key={name}>
                  <button type="button" aria-current={name === current ? 'true' : undefined} onClick={() => setCurrent(name)} className={problems[name] ? 'has-problem' : warnings[name] ? 'has-warning' : ''}>
                    {name}
                    {problems[name] ? ' ⚠' : ''}
                    {!problems[name] && warnings[name] ? <span title={t('hasWarnings')}> △</span> : null}
                    {files[name] !== active.files[name] ? ' •' : ''}
                  </button>
                </li>
              ))}
            </ul>
            <div className="filepane">
              {current ? (
                <Suspense fallback={<p className="muted">{t('loading')}</p>}>
                  <YamlEditor
                    key={current}
                    name={current}
                    value={files[current] || ''}
                    readOnly={!(canWrite && editing) || busy}
                    onChange={(text) => setFiles((all) => ({ ...all, [current]: text }))}
                    marks={problems[current] || NO_MARKS}
                    warnings={warnings[current] || NO_MARKS}
                    jumpTo={jump && jump.file === current ? jump : null}
                  />
                  <LineProblems file={current} marks={problems[current] || NO_MARKS} onJump={(line) => setJump({ file: current, line })} />
                  <LineProblems file={current} marks={warnings[current] || NO_MARKS} onJump={(line) => setJump({ file: current, line })} warnings />
                </Suspense>
              ) : null}
            </div>
          </div>
        ) : null}
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
