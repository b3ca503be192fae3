/** @jsxRuntime automatic */
import { useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/api-client.ts';
import { LiveSocket, liveUrl, type LiveState } from '../api/live-socket.ts';
import type { Inbox, Me } from '../api/wire-types.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { AlertsPage, alertText } from '../pages/AlertsPage.tsx';
import { ConversationListPage } from '../pages/ConversationListPage.tsx';
import { ConversationPage } from '../pages/ConversationPage.tsx';
import { DashboardPage } from '../pages/DashboardPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { useI18n } from './i18n-context.tsx';
import { SessionProvider, useSession, type Session } from './session-context.tsx';
import { href, useHashRoute } from './use-hash-route.ts';
import { useLiveAlerts } from './use-live-alerts.ts';

/** Builds everything a signed-in screen needs: who, the live socket, names and inboxes. */
export async function openSession(api: ApiClient, me: Me): Promise<Session> {
  // Agents may not list users (the server refuses with 403); their own name is all they need.
  const [users, inboxes] = await Promise.all([me.user.role === 'agent' ? undefined : api.users(), api.inboxes()]);
  const names = new Map<string, string>([[me.user.id, me.user.name]]);
  if (users?.ok === true) for (const u of users.value.items) names.set(u.id, u.name);
  const live = new LiveSocket(liveUrl(location, api.bearer));
  live.start();
  return {
    api,
    me,
    live,
    names,
    inboxes: new Map<string, Inbox>(inboxes.ok ? inboxes.value.items.map((i) => [i.id, i]) : []),
  };
}

function LiveIndicator() {
  const { t } = useI18n();
  const { live } = useSession();
  const [state, setState] = useState<LiveState>(live.state);
  useEffect(() => live.onState(setState), [live]);
  const label =
    state === 'open'
      ? t('app.live.connected')
      : state === 'connecting'
        ? t('app.live.connecting')
        : t('app.live.offline');
  return (
    <span className={`live live--${state}`} role="status">
      <span aria-hidden="true">{state === 'open' ? '● ' : '○ '}</span>
      {label}
    </span>
  );
}

function Shell({ onSignOut }: { readonly onSignOut: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const route = useHashRoute();
  const { alerts, latest, acknowledge } = useLiveAlerts();
  const [dismissed, setDismissed] = useState<string | undefined>(undefined);
  const lead = session.me.user.role !== 'agent';
  const [page = 'conversations', id] = route.segments;
  const open = alerts.filter((a) => a.acknowledgedAt === null).length;

  let content;
  if (page === 'conversations' && id !== undefined) content = <ConversationPage key={id} id={id} />;
  else if (page === 'conversations') content = <ConversationListPage />;
  else if (page === 'alerts' && lead) content = <AlertsPage alerts={alerts} acknowledge={acknowledge} />;
  else if (page === 'dashboard') content = <DashboardPage own={!lead} />;
  else content = <p>{t('app.notFound')}</p>;

  const nav = (target: string, label: string, badge?: number) => (
    <li>
      <a href={href(target)} aria-current={page === target ? 'page' : undefined}>
        {label}
        {badge === undefined || badge === 0 ? null : <span className="badge">{badge}</span>}
      </a>
    </li>
  );

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">
          <span aria-hidden="true">◠‿◠ </span>
          {t('app.title')}
        </span>
        <nav aria-label={t('nav.main')}>
          <ul>
            {nav('conversations', t('nav.conversations'))}
            {lead ? nav('alerts', t('nav.alerts'), open) : null}
            {nav('dashboard', lead ? t('nav.dashboard') : t('nav.myLoad'))}
          </ul>
        </nav>
        <span className="topbar__right">
          <LiveIndicator />
          <LanguageSwitcher />
          <span className="muted">
            {t('app.signedInAs', { name: session.me.user.name, role: t(`role.${session.me.user.role}`) })}
          </span>
          <button type="button" onClick={onSignOut}>
            {t('app.signOut')}
          </button>
        </span>
      </header>
      <div className="toast-region" aria-live="assertive" data-testid="alert-toast">
        {latest === undefined || page === 'alerts' || dismissed === latest.id ? null : (
          <p className="toast">
            <span aria-hidden="true">▲ </span>
            {t('alerts.new', { text: alertText(i18n, latest) })}{' '}
            <a href={href('conversations', latest.conversationId)}>{t('alerts.open')}</a>{' '}
            <button
              type="button"
              className="toast__close"
              aria-label={t('alerts.dismiss')}
              onClick={() => setDismissed(latest.id)}
            >
              ×
            </button>
          </p>
        )}
      </div>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary
          resetKey={route.segments.join('/')}
          render={(message, retry) => (
            <div className="notice notice--error" role="alert">
              {t('app.error', { message })}{' '}
              <button type="button" onClick={retry}>
                {t('app.retry')}
              </button>
            </div>
          )}
        >
          {content}
        </ErrorBoundary>
      </main>
    </>
  );
}

/** The agent workspace and lead views: sign-in, then the shell with its pages. */
export function App() {
  const { t } = useI18n();
  const api = useMemo(() => new ApiClient({ lang: () => document.documentElement.lang || 'en' }), []);
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  const start = async () => {
    const me = await api.me();
    setSession(me.ok ? await openSession(api, me.value) : null);
  };
  useEffect(() => {
    // Once per page load: the session cookie, if any, decides between sign-in and the workspace.
    void start();
  }, []);
  useEffect(() => () => session?.live.stop(), [session]);

  if (session === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (session === null) return <LoginPage api={api} onSignedIn={() => void start()} />;
  return (
    <SessionProvider value={session}>
      <Shell
        onSignOut={() => {
          void api.logout().then(() => {
            session.live.stop();
            setSession(null);
          });
        }}
      />
    </SessionProvider>
  );
}
