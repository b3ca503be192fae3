/** @jsxRuntime automatic */
import { isEmotion } from '@attune/engine';
import type { Message } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';
import type { MessageKey } from '../i18n/catalog-en.ts';
import { hasKey } from '../i18n/translate.ts';
import type { AssistView, RiskReason, StepEvidence } from '../view/assist-view.ts';
import type { Span } from '../view/read-json.ts';
import { ArcChart } from './ArcChart.tsx';
import { ChannelNudges } from './ChannelNudges.tsx';
import { EmotionLabel } from './EmotionLabel.tsx';
import { RiskBadge } from './RiskBadge.tsx';

export type FocusEvidence = (turnIndex: number, span?: Span) => void;

function ReasonItem({ reason, onFocus }: { readonly reason: RiskReason; readonly onFocus?: FocusEvidence }) {
  const { t, engine } = useI18n();
  const label = engine(`escalation.${reason.code}`, reason.params);
  const phrase =
    reason.span?.text ?? (typeof reason.params['phrase'] === 'string' ? reason.params['phrase'] : undefined);
  const text = phrase === undefined ? label : t('assist.reasonQuote', { reason: label, phrase });
  const turn = reason.turnIndex;
  return (
    <li>
      {turn === undefined || onFocus === undefined ? (
        text
      ) : (
        <button type="button" className="link" onClick={() => onFocus(turn, reason.span)}>
          {text}
        </button>
      )}
    </li>
  );
}

function Evidence({ evidence, onFocus }: { readonly evidence: StepEvidence; readonly onFocus?: FocusEvidence }) {
  const { t } = useI18n();
  const text = t(evidence.learned === true ? 'assist.evidenceLearned' : 'assist.evidence', {
    text: evidence.text.length > 90 ? `${evidence.text.slice(0, 88)}…` : evidence.text,
  });
  return onFocus === undefined ? (
    <span className="step__evidence">{text}</span>
  ) : (
    <button type="button" className="link step__evidence" onClick={() => onFocus(evidence.turnIndex, evidence.span)}>
      {text}
    </button>
  );
}

/**
 * The live EQ assist: how the customer feels now, the arc, the trend, the escalation risk with reasons, the IHEART
 * checklist with evidence, the next best step and the channel nudges. Every signal shows where it came from.
 */
export function AssistPanel({
  view,
  turns,
  onFocus,
  source,
}: {
  readonly view: AssistView | undefined;
  readonly turns: readonly Message[];
  readonly onFocus?: FocusEvidence;
  readonly source?: 'server' | 'browser';
}) {
  const { t, fmt, engine } = useI18n();
  if (view === undefined) {
    return (
      <section className="assist" aria-labelledby="assist-heading">
        <h2 id="assist-heading">{t('assist.heading')}</h2>
        <p className="muted">{t('assist.waiting')}</p>
      </section>
    );
  }
  const next = view.nextStep;
  const nextParams = { ...next?.params };
  if (typeof nextParams['emotion'] === 'string' && isEmotion(nextParams['emotion']))
    nextParams['emotion'] = t(`emotion.${nextParams['emotion']}`);
  return (
    <section className="assist" aria-labelledby="assist-heading" data-source={source}>
      <h2 id="assist-heading">{t('assist.heading')}</h2>
      {source === 'browser' ? <p className="muted small">{t('assist.localNote')}</p> : null}

      <div className="assist__block assist__now">
        <h3>{t('assist.feelsNow')}</h3>
        <p className="assist__emotion" data-testid="emotion-now">
          <EmotionLabel emotion={view.now?.emotion} />
          {view.now === undefined ? null : (
            <span className="muted"> · {t('assist.intensity', { percent: fmt.percent(view.now.intensity) })}</span>
          )}
        </p>
        {view.trend === undefined ? null : (
          <p className={`trend trend--${view.trend}`}>
            <span aria-hidden="true">
              {view.trend === 'escalating' ? '↗ ' : view.trend === 'calming' ? '↘ ' : '→ '}
            </span>
            {t('assist.trend', { trend: engine(`trend.${view.trend}`) })}
          </p>
        )}
      </div>

      <div className="assist__block">
        <h3>{t('assist.arc')}</h3>
        <ArcChart points={view.arc} />
      </div>

      <div className="assist__block" data-testid="risk">
        <h3>{t('assist.risk')}</h3>
        <p>
          <RiskBadge level={view.risk.level} score={view.risk.score} />
        </p>
        {view.risk.reasons.length === 0 ? (
          <p className="muted">{t('assist.noReasons')}</p>
        ) : (
          <>
            <h4 className="visually-hidden">{t('assist.reasons')}</h4>
            <ul className="reasons">
              {view.risk.reasons.map((r, i) => (
                <ReasonItem key={`${r.code}-${i}`} reason={r} {...(onFocus === undefined ? {} : { onFocus })} />
              ))}
            </ul>
          </>
        )}
      </div>

      {next === undefined ? null : (
        <div className="assist__block assist__next" data-testid="next-step">
          <h3>{t('assist.nextStep')}</h3>
          <p className="next-step">
            <span aria-hidden="true">➜ </span>
            {engine(`next.${next.code}`, nextParams)}
          </p>
          {next.params['risk'] === 'high' || next.params['risk'] === 'medium' ? (
            <p className="muted small">{t('next.riskNote', { risk: t(`risk.${next.params['risk']}`) })}</p>
          ) : null}
        </div>
      )}

      <div className="assist__block">
        <h3>{t('assist.iheart')}</h3>
        {view.iheartState === undefined ? null : (
          <p className="muted">
            {t('assist.iheartState', {
              state: hasKey(`iheartState.${view.iheartState}`)
                ? t(`iheartState.${view.iheartState}` as MessageKey)
                : view.iheartState,
            })}
          </p>
        )}
        <ul className="checklist">
          {view.steps.map((s) => (
            <li key={s.step} className={s.done ? 'step step--done' : 'step'}>
              <span className="step__mark" aria-hidden="true">
                {s.done ? '✔' : '○'}
              </span>
              <span className="step__name">{engine(`step.${s.step}`)}</span>
              <span className="visually-hidden">: {s.done ? t('assist.stepDone') : t('assist.stepTodo')}</span>
              {s.evidence[0] === undefined ? null : (
                <Evidence evidence={s.evidence[0]} {...(onFocus === undefined ? {} : { onFocus })} />
              )}
            </li>
          ))}
        </ul>
      </div>

      <div className="assist__block">
        <h3>{t('assist.nudges')}</h3>
        <ChannelNudges view={view} turns={turns} />
      </div>
    </section>
  );
}
