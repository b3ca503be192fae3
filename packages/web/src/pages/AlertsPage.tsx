/** @jsxRuntime automatic */
import type { Alert } from '../api/wire-types.ts';
import { useI18n, type I18n } from '../app/i18n-context.tsx';
import { href } from '../app/use-hash-route.ts';
import { num } from '../view/read-json.ts';

/** An alert in words: its code from the catalogs, with the risk as a percentage. */
export function alertText(i18n: I18n, alert: Alert): string {
  const risk = num(alert.params['riskScore']);
  return alert.code === 'escalation_risk_high'
    ? i18n.t('alerts.escalation_risk_high', { percent: i18n.fmt.percent(risk ?? 0) })
    : i18n.t('alerts.other', { code: alert.code });
}

/** The lead's live alerts feed, newest first, each linking to its conversation. */
export function AlertsPage({
  alerts,
  acknowledge,
}: {
  readonly alerts: readonly Alert[];
  readonly acknowledge: (id: string) => Promise<void>;
}) {
  const i18n = useI18n();
  const { t, fmt, engine } = i18n;
  return (
    <section aria-labelledby="alerts-h" className="alerts">
      <h1 id="alerts-h">{t('alerts.heading')}</h1>
      {alerts.length === 0 ? (
        <p className="muted">{t('alerts.empty')}</p>
      ) : (
        <ul className="alert-feed" data-testid="alert-feed">
          {alerts.map((a) => {
            const reasons = Array.isArray(a.params['reasons']) ? (a.params['reasons'] as { code?: unknown }[]) : [];
            return (
              <li
                key={a.id}
                className={`alert alert--${a.severity}${a.acknowledgedAt === null ? '' : ' alert--acknowledged'}`}
              >
                <p className="alert__title">
                  <span aria-hidden="true">▲ </span>
                  <strong>{alertText(i18n, a)}</strong>{' '}
                  <time dateTime={a.createdAt}>{fmt.relative(a.createdAt, Date.now())}</time>
                </p>
                {reasons.length === 0 ? null : (
                  <p className="muted">
                    {reasons
                      .flatMap((r) => (typeof r.code === 'string' ? [engine(`escalation.${r.code}`, {})] : []))
                      .join(' · ')}
                  </p>
                )}
                <p>
                  <a href={href('conversations', a.conversationId)}>{t('alerts.open')}</a>{' '}
                  {a.acknowledgedAt === null ? (
                    <button type="button" onClick={() => void acknowledge(a.id)}>
                      {t('alerts.acknowledge')}
                    </button>
                  ) : (
                    <span className="muted">✔ {t('alerts.acknowledged')}</span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
