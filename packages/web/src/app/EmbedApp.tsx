/** @jsxRuntime automatic */
import { useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/api-client.ts';
import { useI18n } from './i18n-context.tsx';
import { openSession } from './App.tsx';
import { SessionProvider, type Session } from './session-context.tsx';
import { useConversation } from './use-conversation.ts';
import { AssistPanel } from '../components/AssistPanel.tsx';
import { useAssist } from '../pages/ConversationPage.tsx';

/** Chatwoot's external ids for its conversations, as the server's Chatwoot sidecar stores them. */
export function chatwootExternalId(accountId: unknown, conversationId: unknown): string | undefined {
  return (typeof accountId === 'number' || typeof accountId === 'string') &&
    (typeof conversationId === 'number' || typeof conversationId === 'string')
    ? `${accountId}:${conversationId}`
    : undefined;
}

function EmbeddedAssist({ id }: { readonly id: string }) {
  const { detail } = useConversation(id);
  const { view, source, turns = [] } = useAssist(detail);
  return <AssistPanel view={view} turns={turns} {...(source === undefined ? {} : { source })} />;
}

/**
 * The page Chatwoot embeds as a Dashboard App: the same assist panel as the agent workspace, for the conversation
 * Chatwoot says is open (it posts `appContext` to the iframe). Authenticates with an API token from the URL
 * (`?embed=chatwoot&inbox=<inbox id>&key=<token>`), since the help desk's origin carries no Attune session.
 */
export function EmbedApp({ inboxId, token }: { readonly inboxId: string; readonly token: string | undefined }) {
  const { t } = useI18n();
  const api = useMemo(
    () =>
      new ApiClient({
        ...(token === undefined ? {} : { bearer: token }),
        lang: () => document.documentElement.lang || 'en',
      }),
    [token],
  );
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [conversationId, setConversationId] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState(t('embed.waiting'));

  useEffect(() => {
    void api.me().then(async (me) => {
      if (me.ok) setSession(await openSession(api, me.value));
      else setNotice(t('error.unauthenticated'));
    });
  }, [api, t]);
  useEffect(() => () => session?.live.stop(), [session]);

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      let data: unknown = e.data;
      if (typeof data === 'string') {
        try {
          data = JSON.parse(data);
        } catch {
          return;
        }
      }
      const d = data as { event?: unknown; data?: { conversation?: { id?: unknown; account_id?: unknown } } } | null;
      if (d?.event !== 'appContext') return;
      const ext = chatwootExternalId(d.data?.conversation?.account_id, d.data?.conversation?.id);
      if (ext === undefined) return;
      void api.conversationByExternal(inboxId, ext).then((r) => {
        if (r.ok) setConversationId(r.value.conversation.id);
        else setNotice(t('embed.notFound'));
      });
    };
    window.addEventListener('message', onMessage);
    window.parent?.postMessage('chatwoot-dashboard-app:fetch-info', '*');
    return () => window.removeEventListener('message', onMessage);
  }, [api, inboxId, t]);

  return (
    <main id="main" className="embed">
      {session === undefined || conversationId === undefined ? (
        <p className="muted">{notice}</p>
      ) : (
        <SessionProvider value={session}>
          <EmbeddedAssist id={conversationId} />
        </SessionProvider>
      )}
    </main>
  );
}
