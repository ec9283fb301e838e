import { useState } from 'react';
import { api } from '../api.js';
import { useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';

export default function SignIn({ onSignedIn, switcher }) {
  const t = useT();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api('POST', 'admin/session', { body: { user, password } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin" id="content">
      <form onSubmit={submit} className="card" aria-labelledby="signin-title">
        <h1 id="signin-title">{t('appName')}</h1>
        <label>
          <span>{t('user')}</span>
          <input name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required autoFocus />
        </label>
        <label>
          <span>{t('password')}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <ErrorBox error={error} />
        <button type="submit" className="primary" disabled={busy}>{t('signIn')}</button>
        {switcher}
      </form>
    </main>
  );
}
