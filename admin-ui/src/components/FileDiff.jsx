import { useT } from '../i18n.js';

/** Per-file differences: each file with its status and +/− counts, and its changed lines. */
export default function FileDiff({ diffs, open = true }) {
  const t = useT();
  if (!diffs || diffs.length === 0) return <p className="muted">{t('noChanges')}</p>;
  return (
    <div className="file-diffs" data-testid="file-diffs">
      {diffs.map((d) => (
        <details key={d.file} open={open} className={`file-diff ${d.status}`}>
          <summary>
            <code>{d.file}</code> <span className="badge">{t(`diff_${d.status}`)}</span>{' '}
            <span className="diff-count" aria-label={t('diffCounts', { added: d.added, removed: d.removed })}>
              <span className="plus">+{d.added}</span> <span className="minus">−{d.removed}</span>
            </span>
          </summary>
          <pre className="diff">
            {d.lines.map((line, i) => (
              <div key={i} className={`diff-line ${line.kind === '+' ? 'add' : line.kind === '-' ? 'del' : line.kind === '@' ? 'hunk' : ''}`}>
                <span className="diff-sign" aria-hidden="true">{line.kind === '@' ? '' : line.kind}</span>
                <span className="sr-only">{line.kind === '+' ? t('lineAdded') : line.kind === '-' ? t('lineRemoved') : ''}</span>
                {line.text}
              </div>
            ))}
          </pre>
        </details>
      ))}
    </div>
  );
}
