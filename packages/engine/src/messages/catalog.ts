import type { CoachCode } from '../coach/draft-coach.ts';
import type { ChannelFinding } from '../conversation/channel-rules.ts';
import type { ArcTrend } from '../conversation/emotional-arc.ts';
import type { EscalationCode, RiskLevel } from '../conversation/escalation-risk.ts';
import type { Behaviour, IheartStep, QuestionType } from '../conversation/iheart.ts';
import type { NextStepCode } from '../conversation/next-best-step.ts';
import type { ConversationIssue } from '../conversation/parse-conversation.ts';
import type { RubricIssue } from '../scorecard/rubric.ts';

/** Parameters a message is rendered with: whatever the finding carried. */
export type MessageParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** Every message key conversation intelligence can produce. */
export type MessageKey =
  | `coach.${CoachCode}`
  | `coach.${CoachCode}.title`
  | `escalation.${EscalationCode}`
  | `risk.${RiskLevel}`
  | `trend.${ArcTrend}`
  | `next.${NextStepCode}`
  | `step.${IheartStep}`
  | `behaviour.${Behaviour}`
  | `question.${QuestionType}`
  | `channel.${ChannelFinding['code']}`
  | `issue.${ConversationIssue['code'] | RubricIssue['code']}`
  | 'criterion.unknown';

/** One language's messages. A function per key, so each language can place and inflect parameters its own way. */
export type Catalog = Readonly<Record<MessageKey, (p: MessageParams) => string>>;

/** Renders a parameter for display: missing ones show as an ellipsis rather than "undefined". */
export function show(x: string | number | boolean | undefined): string {
  return x === undefined ? '…' : String(x);
}
