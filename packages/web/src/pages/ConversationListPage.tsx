/** @jsxRuntime automatic */
import { EMOTIONS, isEmotion, type Emotion } from '@attune/engine';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ApiFailure } from '../api/api-client.ts';
import type { ConversationListItem, ConversationStatus, RiskLevel } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';
import { useSession } from '../app/session-context.tsx';
import { href } from '../app/use-hash-route.ts';
import { EmotionLabel } from '../components/EmotionLabel.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RiskBadge } from '../components/RiskBadge.tsx';
import { conversationRow, filterRows, sortRows, type SortKey } from '../view/conversation-rows.ts';

const STATUSES: readonly ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];
const RISKS: readonly RiskLevel[] = ['high', 'medium', 'low'];

/** The agent's conversations: status, how the customer feels now, escalation risk, waiting time; sorted and filtered. */
export function ConversationListPage() {
  const { t, fmt } = useI18n();
  const { api, live } = useSession();
  const [items, setItems] = useState<readonly ConversationListItem[] | undefined>(undefined);
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const [sort, setSort] = useState<SortKey>('risk');
  const [status, setStatus] = useState<ConversationStatus | ''>('');
  const [risk, setRisk] = useState<RiskLevel | ''>('');
  const [emotion, setEmotion] = useState<Emotion | ''>('');
  const [query, setQuery] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const id = useId();

  const load = useCallback(async () => {
    const r = await api.conversations({ limit: 200 });
    if (r.ok) {
      setItems(r.value.items);
      setError(undefined);
    } else setError(r.error);
    setNow(Date.now());
  }, [api]);

  useEffect(() => {
    void load();
    // Waiting times tick; conversations on the list update live (below), and new ones assigned meanwhile appear
    // on the next refresh, since the socket only carries events of conversations already followed.
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    const refresh = setInterval(() => void load(), 20_000);
    return () => {
      clearInterval(tick);
      clearInterval(refresh);
    };
  }, [load]);

  useEffect(() => {
    if (items === undefined) return;
    const unfollow = items
      .filter((i) => i.status !== 'resolved')
      .slice(0, 50)
      .map((i) => live.follow(i.id));
    const off = live.onFrame((f) => {
      if (f.conversationId == null) return;
      if (f.type === 'assist.updated' || f.type === 'message.analyzed' || f.type === 'conversation.status_changed') {
        const cid = f.conversationId;
        setItems((xs) =>
          xs?.map((x) => {
            if (x.id !== cid) return x;
            if (f.type === 'assist.updated')
              return { ...x, assist: (f.payload?.['assist'] as ConversationListItem['assist']) ?? x.assist };
            if (f.type === 'conversation.status_changed')
              return { ...x, status: (f.payload?.['to'] as ConversationStatus | undefined) ?? x.status };
            const m = f.payload?.['message'] as
              { sentAt?: string; role?: ConversationListItem['lastMessageRole'] } | undefined;
            return { ...x, lastMessageAt: m?.sentAt ?? x.lastMessageAt, lastMessageRole: m?.role ?? null };
          }),
        );
      }
    });
    return () => {
      off();
      for (const u of unfollow) u();
    };
    // Re-follow only when the set of conversations changes, not on every live update of one of them.
  }, [live, items?.map((i) => i.id).join()]);

  const rows = useMemo(() => {
    const all = (items ?? []).map((i) => conversationRow(i, now));
    const filter = {
      ...(status === '' ? {} : { status }),
      ...(risk === '' ? {} : { risk }),
      ...(emotion === '' ? {} : { emotion }),
      query,
    };
    return sortRows(filterRows(all, filter), sort);
  }, [items, now, status, risk, emotion, query, sort]);

  return (
    <section aria-labelledby={`${id}-h`} className="conversation-list">
      <h1 id={`${id}-h`}>{t('list.heading')}</h1>
      <form className="filters" role="search" aria-label={t('list.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('list.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          <span>{t('list.col.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as ConversationStatus | '')}>
            <option value="">{t('status.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('list.col.risk')}</span>
          <select value={risk} onChange={(e) => setRisk(e.target.value as RiskLevel | '')}>
            <option value="">{t('risk.all')}</option>
            {RISKS.map((r) => (
              <option key={r} value={r}>
                {t(`risk.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('list.emotionFilter')}</span>
          <select value={emotion} onChange={(e) => setEmotion(isEmotion(e.target.value) ? e.target.value : '')}>
            <option value="">{t('list.emotionAll')}</option>
            {EMOTIONS.map((em) => (
              <option key={em} value={em}>
                {t(`emotion.${em}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('list.sortBy')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="risk">{t('list.sort.risk')}</option>
            <option value="waiting">{t('list.sort.waiting')}</option>
            <option value="recent">{t('list.sort.recent')}</option>
          </select>
        </label>
      </form>
      {error === undefined ? null : <ErrorNotice error={error} onRetry={() => void load()} />}
      {items === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <table className="rows">
          <caption className="visually-hidden">{t('list.count', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.col.customer')}</th>
              <th scope="col">{t('list.col.status')}</th>
              <th scope="col">{t('list.col.emotion')}</th>
              <th scope="col" aria-sort={sort === 'risk' ? 'descending' : 'none'}>
                {t('list.col.risk')}
              </th>
              <th scope="col" aria-sort={sort === 'waiting' ? 'descending' : 'none'}>
                {t('list.col.waiting')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.id}
                className={r.risk?.level === 'high' ? 'row--high' : undefined}
                data-testid="conversation-row"
              >
                <th scope="row">
                  <a href={href('conversations', r.id)}>{r.title === '' ? t('list.noSubject') : r.title}</a>
                </th>
                <td>
                  <span className={`status status--${r.status}`}>{t(`status.${r.status}`)}</span>
                </td>
                <td>
                  <EmotionLabel emotion={r.emotion} />
                </td>
                <td>
                  <RiskBadge level={r.risk?.level} {...(r.risk === undefined ? {} : { score: r.risk.score })} />
                </td>
                <td>{r.waitingMs === undefined ? t('list.notWaiting') : fmt.duration(r.waitingMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
