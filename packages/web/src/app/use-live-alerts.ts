import { useCallback, useEffect, useState } from 'react';
import type { Alert } from '../api/wire-types.ts';
import { useSession } from './session-context.tsx';

/** Adds an alert to the feed, newest first, once (the socket and a reload may both deliver it). */
export function addAlert(feed: readonly Alert[], alert: Alert): Alert[] {
  return [alert, ...feed.filter((a) => a.id !== alert.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The lead's alert feed: loaded once, then kept live from alert.raised events (the server sends them to leads of
 * the conversation's team without any subscription). Agents get an empty feed.
 */
export function useLiveAlerts(): {
  readonly alerts: readonly Alert[];
  readonly latest: Alert | undefined;
  readonly acknowledge: (id: string) => Promise<void>;
} {
  const { api, live, me } = useSession();
  const lead = me.user.role === 'lead' || me.user.role === 'admin';
  const [alerts, setAlerts] = useState<readonly Alert[]>([]);
  const [latest, setLatest] = useState<Alert | undefined>(undefined);

  useEffect(() => {
    if (!lead) return;
    void api.alerts().then((r) => {
      if (r.ok) setAlerts((feed) => r.value.items.reduce<Alert[]>((acc, a) => addAlert(acc, a), [...feed]));
    });
    return live.onFrame((f) => {
      if (f.type !== 'alert.raised' || f.payload === undefined) return;
      const p = f.payload;
      const raw = (p['alert'] as Partial<Alert> | undefined) ?? (p as Partial<Alert>);
      const id = typeof raw.id === 'string' ? raw.id : `event-${String(f.id)}`;
      const alert: Alert = {
        id,
        conversationId: raw.conversationId ?? f.conversationId ?? '',
        teamId: raw.teamId ?? null,
        code: raw.code ?? 'unknown',
        severity: raw.severity ?? 'warning',
        params: raw.params ?? {},
        acknowledgedBy: null,
        acknowledgedAt: null,
        createdAt: raw.createdAt ?? f.createdAt ?? new Date().toISOString(),
      };
      setAlerts((feed) => addAlert(feed, alert));
      setLatest(alert);
    });
  }, [api, live, lead]);

  const acknowledge = useCallback(
    async (id: string) => {
      const r = await api.acknowledgeAlert(id);
      if (r.ok) setAlerts((feed) => feed.map((a) => (a.id === id ? r.value.alert : a)));
    },
    [api],
  );

  return { alerts, latest, acknowledge };
}
