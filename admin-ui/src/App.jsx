import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken } from './api.js';
import { LangContext, translate } from './i18n.js';
import { botLabel, tenantLabel } from './lifecycle.js';
import SignIn from './pages/SignIn.jsx';
import Tenants from './pages/Tenants.jsx';
import BotPage from './pages/BotPage.jsx';
import Chat from './pages/Chat.jsx';
import Conversations from './pages/Conversations.jsx';
import Evaluation from './pages/Evaluation.jsx';
import Dashboard from './pages/Dashboard.jsx';
import Plugins from './pages/Plugins.jsx';
import Users from './pages/Users.jsx';

const PAGES = [
  ['tenants', 'navTenants', Tenants],
  ['bot', 'navBot', BotPage],
  ['chat', 'navChat', Chat],
  ['conversations', 'navConversations', Conversations],
  ['evaluation', 'navEvaluation', Evaluation],
  ['dashboard', 'navDashboard', Dashboard],
  ['plugins', 'navPlugins', Plugins],
  ['users', 'navUsers', Users],
];

/** A display name with its id when they differ: "Mood Bot (mood)". */
function withId(label, id) {
  return label === id ? id : `${label} (${id})`;
}

function currentPage() {
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return PAGES.some(([id]) => id === name) ? name : 'tenants';
}

export default function App() {
  const [lang, setLang] = useState(() => localStorage.getItem('parley.lang') || (navigator.language.startsWith('zh') ? 'zh' : 'en'));
  const [me, setMe] = useState(undefined);
  const [page, setPage] = useState(currentPage);
  const [tenants, setTenants] = useState([]);
  const [selection, setSelection] = useState(() => JSON.parse(sessionStorage.getItem('parley.selection') || '{}'));

  const t = useCallback((key, vars) => translate(lang, key, vars), [lang]);
  const langValue = useMemo(() => ({ lang, t }), [lang, t]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    localStorage.setItem('parley.lang', lang);
  }, [lang]);

  useEffect(() => {
    const onHash = () => setPage(currentPage());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    api('GET', 'admin/session')
      .then((who) => {
        setCsrfToken(who.csrf_token);
        setMe(who);
      })
      .catch(() => setMe(null));
  }, []);

  const reloadTenants = useCallback(async () => {
    const list = await api('GET', 'admin/tenants');
    setTenants(list);
    return list;
  }, []);

  useEffect(() => {
    if (me) reloadTenants().catch(() => setTenants([]));
  }, [me, reloadTenants]);

  const select = useCallback((next) => {
    setSelection(next);
    sessionStorage.setItem('parley.selection', JSON.stringify(next));
  }, []);

  // Keep the selection valid for what this user may see.
  useEffect(() => {
    if (!me || tenants.length === 0) return;
    const tenant = tenants.find((x) => x.tenant === selection.tenant) || tenants[0];
    const bot = tenant.bots.includes(selection.bot) ? selection.bot : tenant.bots[0] || '';
    if (tenant.tenant !== selection.tenant || bot !== selection.bot) select({ tenant: tenant.tenant, bot });
  }, [me, tenants, selection, select]);

  const signOut = async () => {
    try {
      await api('DELETE', 'admin/session');
    } finally {
      setCsrfToken(null);
      setMe(null);
      setTenants([]);
    }
  };

  const switcher = (
    <label className="lang">
      <span>{t('language')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value)}>
        <option value="en">English</option>
        <option value="zh">中文</option>
      </select>
    </label>
  );

  if (me === undefined) {
    return <LangContext.Provider value={langValue}><p className="loading">{t('loading')}</p></LangContext.Provider>;
  }
  if (me === null) {
    return (
      <LangContext.Provider value={langValue}>
        <SignIn
          switcher={switcher}
          onSignedIn={(who) => {
            setCsrfToken(who.csrf_token);
            setMe(who);
          }}
        />
      </LangContext.Provider>
    );
  }

  const Page = PAGES.find(([id]) => id === page)[2];
  const currentTenant = tenants.find((x) => x.tenant === selection.tenant);
  const canWrite = me.role !== 'tenant_viewer';
  const visiblePages = PAGES.filter(([id]) => id !== 'users' || canWrite);

  return (
    <LangContext.Provider value={langValue}>
      <a className="skip" href="#content" onClick={(e) => { e.preventDefault(); document.getElementById('content').focus(); }}>
        {t('skipToContent')}
      </a>
      <header className="top">
        <h1 className="brand">{t('appName')}</h1>
        <div className="pickers">
          <label>
            <span>{t('tenant')}</span>
            <select
              aria-label={t('tenant')}
              value={selection.tenant || ''}
              onChange={(e) => {
                const next = tenants.find((x) => x.tenant === e.target.value);
                select({ tenant: e.target.value, bot: next && next.bots[0] ? next.bots[0] : '' });
              }}
            >
              {tenants.map((x) => (
                <option key={x.tenant} value={x.tenant}>{withId(tenantLabel(x), x.tenant)}</option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('bot')}</span>
            <select aria-label={t('bot')} value={selection.bot || ''} onChange={(e) => select({ ...selection, bot: e.target.value })}>
              {(currentTenant ? currentTenant.bots : []).map((b) => (
                <option key={b} value={b}>{withId(botLabel(currentTenant, b), b)}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="who">
          <span data-testid="signed-in-as">{t('signedInAs', { user: me.user, role: t('role_' + me.role) })}</span>
          {switcher}
          <button type="button" onClick={signOut}>{t('signOut')}</button>
        </div>
      </header>
      <nav className="nav" aria-label={t('mainNav')}>
        <ul>
          {visiblePages.map(([id, key]) => (
            <li key={id}>
              <a href={'#/' + id} aria-current={page === id ? 'page' : undefined}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="content" tabIndex={-1}>
        <Page
          me={me}
          canWrite={canWrite}
          tenants={tenants}
          reloadTenants={reloadTenants}
          tenant={selection.tenant}
          bot={selection.bot}
          select={select}
        />
      </main>
    </LangContext.Provider>
  );
}
