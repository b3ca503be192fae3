/** @jsxRuntime automatic */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-client.ts';
import type { ConversationDetail } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';
import { useSession } from '../app/session-context.tsx';
import {
  applyRewrite,
  coachView,
  hasHighSeverity,
  placeholderIn,
  type CoachFindingView,
  type CoachView,
} from '../view/coach-view.ts';
import { debounce } from '../view/debounce.ts';
import { analyseLocally, channelOf, coachLocally, localCoachContext } from '../view/local-intelligence.ts';
import { replyStatusKey } from '../view/reply-delivery.ts';
import { HighlightedText } from './HighlightedText.tsx';
import { failureText } from './ErrorNotice.tsx';

/** How long the agent pauses before the coach reads the draft. */
export const COACH_DEBOUNCE_MS = 350;

const SEVERITY_MARK = { high: '‼', medium: '!', low: '·' } as const;

function newReplyId(): string {
  return `web-${crypto.randomUUID()}`;
}

/**
 * The reply editor with the draft coach. The coach runs when typing pauses (debounced) on the server; if the
 * server has no conversation intelligence it runs in the browser on the same engine. Findings are underlined in
 * the editor (a mirror layer behind the transparent textarea), explained below it, and a suggested rewrite is one
 * click away.
 */
export function Composer({ detail, onSent }: { readonly detail: ConversationDetail; readonly onSent: () => void }) {
  const i18n = useI18n();
  const { t, engine } = i18n;
  const { api } = useSession();
  const [draft, setDraft] = useState('');
  const [coach, setCoach] = useState<CoachView | undefined>(undefined);
  const [coaching, setCoaching] = useState(false);
  const [activeFinding, setActiveFinding] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  // A key, not a sentence: the status follows a language switch.
  const [status, setStatus] = useState<'composer.applied' | 'composer.sent' | 'composer.sentNotDelivered' | ''>('');
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const replyId = useRef(newReplyId());
  const textarea = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const latest = useRef('');
  const serverCoach = useRef(true);
  const id = useId();
  const conversationId = detail.conversation.id;
  const channel = channelOf(detail.inbox?.channel);
  const lang = detail.conversation.lang ?? undefined;

  const localContext = useMemo(
    () => localCoachContext(analyseLocally(detail.messages, channel, lang), channel),
    [detail.messages, channel, lang],
  );

  const runCoach = useCallback(
    async (text: string) => {
      if (text.trim() === '') {
        setCoach(undefined);
        setCoaching(false);
        return;
      }
      let result: unknown;
      if (serverCoach.current) {
        const r = await api.coach(conversationId, text, lang);
        if (r.ok) result = r.value.coach;
        // A server without conversation intelligence will not grow it mid-session: stop asking.
        else if (r.error.code === 'assist_unavailable') serverCoach.current = false;
      }
      // Whenever the server could not coach, the browser does, with the same engine.
      result ??= coachLocally(text, localContext);
      // The agent may have typed on while the coach was reading: only the latest draft's findings are shown.
      if (latest.current !== text) return;
      setCoach(coachView(text, result));
      setCoaching(false);
    },
    [api, conversationId, lang, localContext],
  );
  const coachLater = useMemo(() => debounce((text: string) => void runCoach(text), COACH_DEBOUNCE_MS), [runCoach]);
  useEffect(() => () => coachLater.cancel(), [coachLater]);

  const change = (text: string) => {
    setDraft(text);
    latest.current = text;
    setStatus('');
    setCoaching(text.trim() !== '');
    coachLater(text);
  };

  const apply = (f: CoachFindingView) => {
    if (f.rewrite === undefined) return;
    const next = applyRewrite(draft, f.rewrite);
    if (next === undefined) return;
    change(next.text);
    setStatus('composer.applied');
    setActiveFinding(undefined);
    // Select the rewrite's … so the agent types the specifics straight over it.
    const caret = placeholderIn(next) ?? { start: next.end, end: next.end };
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(caret.start, caret.end);
    });
  };

  const send = async () => {
    const text = draft.trim();
    if (text === '' || sending) return;
    setSending(true);
    setError(undefined);
    coachLater.cancel();
    const r = await api.sendReply(detail.conversation, text, replyId.current);
    setSending(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    replyId.current = newReplyId();
    latest.current = '';
    setDraft('');
    setCoach(undefined);
    setCoaching(false);
    setStatus(replyStatusKey(r.value));
    onSent();
  };

  // Underlines only while the findings still describe the text in the editor.
  const findings = coach !== undefined && coach.draft === draft ? coach.findings : [];
  const spans = findings.map((f) => ({ start: f.span.start, end: f.span.end, id: f.id }));
  const severityOf = new Map(findings.map((f) => [f.id, f.severity]));
  const active = new Set(activeFinding === undefined ? [] : [activeFinding]);

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={id} className="composer__label">
        {t('composer.label')}
      </label>
      <div className="composer__editor">
        <div ref={mirror} className="composer__mirror" aria-hidden="true">
          <HighlightedText
            text={draft}
            spans={spans}
            active={active}
            classFor={(ids) => `coach-mark coach-mark--${severityOf.get(ids[0] ?? '') ?? 'medium'}`}
          />
          {'\u200b'}
        </div>
        <textarea
          id={id}
          ref={textarea}
          value={draft}
          rows={4}
          placeholder={t('composer.placeholder')}
          aria-describedby={`${id}-coach`}
          onChange={(e) => change(e.target.value)}
          onScroll={(e) => {
            if (mirror.current !== null) mirror.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
          spellCheck
        />
      </div>
      <div id={`${id}-coach`} className="coach" aria-live="polite">
        {coaching ? <p className="muted">{t('composer.coaching')}</p> : null}
        {!coaching && coach !== undefined && coach.draft === draft && findings.length === 0 ? (
          <p className="coach__ok">✔ {t('composer.noFindings')}</p>
        ) : null}
        {findings.length === 0 ? null : (
          <>
            <p className="visually-hidden">{t('composer.findings', { count: findings.length })}</p>
            <ul className="findings" data-testid="coach-findings">
              {findings.map((f) => (
                <li
                  key={f.id}
                  className={`finding finding--${f.severity}`}
                  data-code={f.code}
                  onMouseEnter={() => setActiveFinding(f.id)}
                  onMouseLeave={() => setActiveFinding(undefined)}
                  onFocus={() => setActiveFinding(f.id)}
                  onBlur={() => setActiveFinding(undefined)}
                >
                  <p className="finding__title">
                    <span aria-hidden="true" className="finding__mark">
                      {SEVERITY_MARK[f.severity]}
                    </span>{' '}
                    <strong>{engine(`coach.${f.code}.title`)}</strong>{' '}
                    <span className="finding__severity">({t(`composer.severity.${f.severity}`)})</span>
                  </p>
                  <p className="finding__text">{engine(`coach.${f.code}`, f.params)}</p>
                  {f.rewrite === undefined ? null : (
                    <p className="finding__rewrite">
                      <span className="muted">{t('composer.rewriteTo', { text: f.rewrite.text })}</span>{' '}
                      <button type="button" onClick={() => apply(f)}>
                        {t('composer.apply')}
                      </button>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="composer__actions">
        {hasHighSeverity(coach !== undefined && coach.draft === draft ? coach : undefined) ? (
          <p className="notice notice--warn">
            <span aria-hidden="true">‼ </span>
            {t('composer.highWarning')}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={sending || draft.trim() === ''}>
          {sending ? t('composer.sending') : t('composer.send')}
        </button>
        <span role="status" className="muted">
          {status === '' ? '' : t(status)}
        </span>
        {error === undefined ? null : (
          <span role="alert" className="notice notice--error">
            {failureText(i18n, error)}
          </span>
        )}
      </div>
    </form>
  );
}
