import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.js';
import { useLang, useT } from '../i18n.js';
import { formatDateTime } from '../dates.js';
import ErrorBox from '../components/ErrorBox.jsx';

export default function Users({ tenant, canWrite }) {
  const t = useT();
  const lang = useLang();
  const [users, setUsers] = useState([]);
  const [form, setForm] = useState({ user: '', password: '', role: 'tenant_viewer' });
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const base = `admin/tenants/${encodeURIComponent(tenant || '')}/users`;

  const load = useCallback(async () => {
    if (!tenant || canWrite === false) return;
    try {
      setUsers(await api('GET', base));
    } catch (err) {
      setError(err);
    }
  }, [base, tenant, canWrite]);

  useEffect(() => {
    load();
  }, [load]);

  if (!tenant) return <p>{t('noBot')}</p>;
  if (canWrite === false) return <p className="notice" role="status" data-testid="read-only">{t('viewerNoUsers')}</p>;

  const save = async (e) => {
    e.preventDefault();
    setError(null);
    setNotice('');
    try {
      await api('PUT', `${base}/${encodeURIComponent(form.user)}`, { body: { role: form.role, password: form.password } });
      setForm({ user: '', password: '', role: form.role });
      setNotice(t('saved'));
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const remove = async (user) => {
    if (!window.confirm(t('deleteUserConfirm', { user }))) return;
    try {
      await api('DELETE', `${base}/${encodeURIComponent(user)}`);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t('users', { tenant })}</h2>
      <table className="table">
        <thead><tr><th>{t('user')}</th><th>{t('role')}</th><th>{t('created')}</th><th><span className="sr-only">{t('delete')}</span></th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.user}>
              <td>{u.user}</td>
              <td>{t('role_' + u.role)}</td>
              <td>{formatDateTime(u.created_at, lang)}</td>
              <td><button type="button" className="danger" onClick={() => remove(u.user)}>{t('delete')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="row" onSubmit={save} aria-label={t('saveUser')}>
        <label>
          <span>{t('user')}</span>
          <input name="new-user" value={form.user} onChange={(e) => setForm({ ...form, user: e.target.value })} required autoComplete="off" />
        </label>
        <label>
          <span>{t('password')}</span>
          <input name="new-password" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" minLength={10} />
        </label>
        <label>
          <span>{t('role')}</span>
          <select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            <option value="tenant_admin">{t('role_tenant_admin')}</option>
            <option value="tenant_viewer">{t('role_tenant_viewer')}</option>
          </select>
        </label>
        <button type="submit" className="primary">{t('saveUser')}</button>
      </form>
      {notice ? <p className="ok" role="status">{notice}</p> : null}
      <ErrorBox error={error} />
    </section>
  );
}
