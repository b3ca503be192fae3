import type { IheartStep } from './iheart.ts';
import shipped from './reply-step-model.json' with { type: 'json' };
import { loadReplyLabelModel, type ReplyLabelModel } from './reply-label-model.ts';

/**
 * The IHEART steps that are judgements rather than phrases, which the learned reply-step model reads beside the
 * patterns: a step the patterns credited is withdrawn when the model is sure it is not there (below `veto`), and one
 * they missed is credited when it is sure it is there (above `add`, in a reply of two sentences or more). Apologize and
 * thank are phrases ("sorry", "谢谢"): the patterns alone decide them. Card: docs/reply-models.md.
 */
export const MODEL_STEPS = ['identify', 'hear', 'empathize', 'resolve'] as const satisfies readonly IheartStep[];
export type ModelStep = (typeof MODEL_STEPS)[number];

/**
 * The steps the model may credit on its own. Hear is not among them: it means restating the customer's problem or
 * asking about it, and the model reads the reply alone, so it cannot tell a restatement from a reply that merely looks
 * thorough (it is sure of hear in "明白您的心情…我已经按最高优先级升级给值班工程师…", which neither restates nor asks).
 * It may still withdraw hear.
 */
export const MODEL_ADDS: readonly ModelStep[] = ['identify', 'empathize', 'resolve'];
export type ReplyStepModel = ReplyLabelModel<ModelStep>;

let cached: ReplyStepModel | undefined;

/**
 * The reply-step model shipped with Attune (`npm run train -- --task reply-steps`). Bundled as data, so reading a
 * reply stays pure and synchronous in Node and the browser; checked and indexed on first use.
 */
export function shippedReplyStepModel(): ReplyStepModel {
  cached ??= loadReplyLabelModel(shipped, MODEL_STEPS);
  return cached;
}
