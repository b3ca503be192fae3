import shipped from './coach-alarm-model.json' with { type: 'json' };
import { loadReplyLabelModel, type ReplyLabelModel } from '../conversation/reply-label-model.ts';

/**
 * The coach's alarms that are judgements about content — a promise without a time frame, a generic reply — which a
 * learned model may withdraw when it is sure they are false (probability below `veto`). The model reads the draft and
 * the customer message it answers. The wording alarms (negative language, blame, cliche, arguing, rushing) rest on
 * phrases the agent can see and stand as found; so does tone_mismatch, which is about how the draft's register meets
 * the customer's (您 against 你, Вы against ты): a bag of n-grams cannot see that pairing, and with tone in it the model
 * withdrew plain 你-to-您 mismatches. Card: docs/reply-models.md.
 */
export const MODEL_ALARMS = ['no_expectation', 'no_personalization'] as const;
export type ModelAlarm = (typeof MODEL_ALARMS)[number];
export type CoachAlarmModel = ReplyLabelModel<ModelAlarm>;

export function isModelAlarm(code: string): code is ModelAlarm {
  return (MODEL_ALARMS as readonly string[]).includes(code);
}

let cached: CoachAlarmModel | undefined;

/** The coach-alarm model shipped with Attune (`npm run train -- --task coach-alarms`), checked on first use. */
export function shippedCoachAlarmModel(): CoachAlarmModel {
  cached ??= loadReplyLabelModel(shipped, MODEL_ALARMS);
  return cached;
}
