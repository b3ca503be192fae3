/** @jsxRuntime automatic */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SelfAssessment } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';
import { useSession } from '../app/session-context.tsx';
import { href } from '../app/use-hash-route.ts';
import { useConversation } from '../app/use-conversation.ts';
import { AssistPanel } from '../components/AssistPanel.tsx';
import { Composer } from '../components/Composer.tsx';
import { ErrorNotice, noticeText, type Notice } from '../components/ErrorNotice.tsx';
import { MessageItem } from '../components/MessageItem.tsx';
import { ScorecardPanel } from '../components/ScorecardPanel.tsx';
import { SelfAssessmentForm } from '../components/SelfAssessmentForm.tsx';
import { assistView, transcriptMessages } from '../view/assist-view.ts';
import { analyseLocally, channelOf, localAssist } from '../view/local-intelligence.ts';
import type { Span } from '../view/read-json.ts';

/** Picks the assist to show: the server's snapshot, else the engine run in the browser on the stored analyses. */
export function useAssist(detail: ReturnType<typeof useConversation>['detail']) {
  return useMemo(() => {
    if (detail === undefined) return { view: undefined, source: undefined };
    const turns = transcriptMessages(detail.messages);
    if (detail.assist !== null) return { view: assistView(detail.assist, turns), source: 'server' as const, turns };
    const local = analyseLocally(
      detail.messages,
      channelOf(detail.inbox?.channel),
      detail.conversation.lang ?? undefined,
    );
    return local === undefined
      ? { view: undefined, source: undefined, turns }
      : { view: assistView(localAssist(local), turns), source: 'browser' as const, turns };
  }, [detail]);
}

export function ConversationPage({ id }: { readonly id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, me } = useSession();
  const { detail, error, reload, lastEvent } = useConversation(id);
  const { view, source, turns = [] } = useAssist(detail);
  const [focus, setFocus] = useState<{ messageId: string; span?: Span } | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [mine, setMine] = useState<SelfAssessment | undefined>(undefined);
  // The form stays after saving on this page, so its confirmation is seen; on a later visit it is gone.
  const [savedHere, setSavedHere] = useState(false);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    void api.selfAssessments().then((r) => {
      if (r.ok)
        setMine(
          r.value.items
            .filter((a) => a.conversationId === id)
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0],
        );
    });
  }, [api, id]);

  // Keep the newest message in view as the conversation grows.
  const count = detail?.messages.length ?? 0;
  useEffect(() => {
    const el = list.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [count]);

  useEffect(() => {
    if (lastEvent?.startsWith('message:customer:') === true) setNotice({ key: 'conv.newMessage' });
  }, [lastEvent, t]);

  if (error !== undefined) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (detail === undefined) return <p className="muted">{t('app.loading')}</p>;

  const focusEvidence = (turnIndex: number, span?: Span) => {
    const m = turns[turnIndex];
    if (m === undefined) return;
    setFocus({ messageId: m.id, ...(span === undefined ? {} : { span }) });
    document.getElementById(`message-${m.id}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const c = detail.conversation;
  const resolved = c.status === 'resolved';
  const title =
    [detail.contact?.name, c.subject].filter((x) => typeof x === 'string' && x !== '').join(' · ') ||
    t('list.noSubject');

  const setStatus = async (status: 'resolved' | 'open') => {
    const r = await api.changeStatus(c.id, status);
    if (!r.ok) {
      setNotice({ error: r.error });
      return;
    }
    // A resolved conversation gets its automatic scorecard, so the self-assessment has something to sit beside.
    if (status === 'resolved' && detail.scorecards.length === 0) await api.score(c.id);
    await reload();
  };

  return (
    <div className="conversation">
      <div className="conversation__main">
        <header className="conversation__header">
          <p>
            <a href={href('conversations')}>← {t('conv.back')}</a>
          </p>
          <h1>{title}</h1>
          <p className="muted">
            {t('conv.statusChanged', { status: t(`status.${c.status}`) })}
            {detail.inbox === null || detail.inbox === undefined ? null : (
              <> · {t('conv.channel', { channel: detail.inbox.channel })}</>
            )}{' '}
            {resolved ? (
              <button type="button" onClick={() => void setStatus('open')}>
                {t('conv.reopen')}
              </button>
            ) : (
              <button type="button" onClick={() => void setStatus('resolved')}>
                {t('conv.resolve')}
              </button>
            )}
          </p>
          <p role="status" className="visually-hidden">
            {noticeText(i18n, notice)}
          </p>
        </header>
        <section aria-labelledby="messages-heading" className="messages">
          <h2 id="messages-heading" className="visually-hidden">
            {t('conv.messages')}
          </h2>
          <p className="muted hint">{t('emotion.evidenceHint')}</p>
          {detail.messages.length === 0 ? (
            <p className="muted">{t('conv.noMessages')}</p>
          ) : (
            <ol ref={list} className="message-list">
              {detail.messages.map((m) => {
                const turn = turns.indexOf(m);
                return (
                  <MessageItem
                    key={m.id}
                    message={m}
                    {...(turn < 0 ? {} : { turnNumber: turn })}
                    {...(focus?.messageId === m.id ? { focus: focus.span ?? true } : {})}
                  />
                );
              })}
            </ol>
          )}
        </section>
        {resolved ? null : <Composer detail={detail} onSent={() => void reload()} />}
        {resolved && (me.user.role === 'agent' || c.assigneeId === me.user.id) && (mine === undefined || savedHere) ? (
          <SelfAssessmentForm
            conversationId={c.id}
            onSaved={() => {
              setSavedHere(true);
              void api
                .selfAssessments()
                .then((r) => r.ok && setMine(r.value.items.find((a) => a.conversationId === c.id)));
            }}
          />
        ) : null}
        {resolved || detail.scorecards.length > 0 ? (
          <ScorecardPanel
            detail={detail}
            onChanged={() => void reload()}
            onFocus={focusEvidence}
            {...(mine === undefined ? {} : { selfAssessment: mine })}
          />
        ) : null}
      </div>
      <aside className="conversation__assist">
        <AssistPanel view={view} turns={turns} onFocus={focusEvidence} {...(source === undefined ? {} : { source })} />
      </aside>
    </div>
  );
}
