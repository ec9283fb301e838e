import { useT } from '../i18n.js';

/** Shows an API failure: the server's message, and file/line details when there are some. */
export default function ErrorBox({ error }) {
  const t = useT();
  if (!error) return null;
  const details = error.details || [];
  return (
    <div className="error" role="alert">
      <strong>{t('error')}:</strong> {error.message}
      {error.code ? <code className="code-tag">{error.code}</code> : null}
      {details.length > 0 ? (
        <table className="table compact" aria-label={t('validationFailed')}>
          <thead>
            <tr>
              <th>{t('file')}</th>
              <th>{t('line')}</th>
              <th>{t('message')}</th>
            </tr>
          </thead>
          <tbody>
            {details.map((d, i) => (
              <tr key={i} className="problem">
                <td>{d.file}</td>
                <td>{d.line}</td>
                <td>{d.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
