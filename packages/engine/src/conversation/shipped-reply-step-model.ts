import shipped from './reply-step-model.json' with { type: 'json' };
import { loadReplyStepModel, type ReplyStepModel } from './reply-step-model.ts';

let cached: ReplyStepModel | undefined;

/**
 * The reply-step model shipped with Attune (trained by `npm run train -- --task reply-steps`; card in
 * docs/reply-step-model.md). Bundled as data, so reading a reply stays pure and synchronous in Node and the browser;
 * checked and indexed on first use.
 */
export function shippedReplyStepModel(): ReplyStepModel {
  cached ??= loadReplyStepModel(shipped);
  return cached;
}
