/** @jsxRuntime automatic */
import { useEffect, useState } from 'react';
import type { Message } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';
import { hasKey } from '../i18n/translate.ts';
import type { AssistView, NudgeView } from '../view/assist-view.ts';

/** Ticks once a second while mounted: the cool-down timer and dead-air clock read it. */
function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function CoolDown({ nudge, turns }: { readonly nudge: NudgeView; readonly turns: readonly Message[] }) {
  const { t, fmt, engine } = useI18n();
  const now = useNow();
  const minutes = Number(nudge.params['minutes'] ?? 15);
  const sent = nudge.turnIndex === undefined ? undefined : Date.parse(turns[nudge.turnIndex]?.sentAt ?? '');
  const left = sent === undefined || Number.isNaN(sent) ? undefined : sent + minutes * 60_000 - now;
  const questions = Number(nudge.params['questions'] ?? 0);
  return (
    <div className="nudge nudge--cool-down">
      <p>{engine('channel.email_cool_down', { minutes })}</p>
      {left === undefined ? null : (
        <p className="cool-down-timer" role="timer" aria-live="off">
          <span aria-hidden="true">⏳ </span>
          {left > 0 ? t('nudge.coolDownLeft', { time: fmt.clock(left) }) : t('nudge.coolDownDone')}
        </p>
      )}
      <h4>{t('nudge.replyPlan')}</h4>
      <ol className="reply-plan">
        {nudge.plan.map((item) => {
          const key = `plan.${item}`;
          return <li key={item}>{hasKey(key) ? t(key) : item}</li>;
        })}
      </ol>
      {questions > 1 ? <p>{t('nudge.questions', { count: questions })}</p> : null}
    </div>
  );
}

/** Channel-specific nudges: email cool-down with a reply plan, chat dead air, phone talk ratio and pace. */
export function ChannelNudges({ view, turns }: { readonly view: AssistView; readonly turns: readonly Message[] }) {
  const { t, fmt, engine } = useI18n();
  if (view.nudges.length === 0 && view.phone === undefined) return <p className="muted">{t('assist.noNudges')}</p>;
  return (
    <div className="nudges">
      {view.nudges.map((n, i) =>
        n.code === 'email_cool_down' ? (
          <CoolDown key={i} nudge={n} turns={turns} />
        ) : (
          <p key={i} className={`nudge nudge--${n.code}${n.ongoing ? ' nudge--ongoing' : ''}`}>
            <span aria-hidden="true">{n.code === 'chat_dead_air' ? '⏱ ' : '☎ '}</span>
            {engine(`channel.${n.code}`, n.params)}
          </p>
        ),
      )}
      {view.phone === undefined ? null : (
        <dl className="phone-metrics">
          <dt>{t('nudge.talkRatio')}</dt>
          <dd>
            <meter min={0} max={1} low={0.35} high={0.65} optimum={0.5} value={view.phone.agentTalkRatio} />{' '}
            {fmt.percent(view.phone.agentTalkRatio)}
          </dd>
          {view.phone.agentPace === undefined ? null : (
            <>
              <dt>{t('nudge.pace')}</dt>
              <dd>{fmt.number(view.phone.agentPace)}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
