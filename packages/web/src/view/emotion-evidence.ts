import { EMOTION_POLARITY, EMOTIONS, type Cue, type Emotion, type MessageAnalysis } from '@attune/engine';

/** One emotion chip on a message: the emotion, how sure the engine is, and which cues (by index) support it. */
export interface EmotionChip {
  readonly emotion: Emotion;
  readonly probability: number;
  readonly dominant: boolean;
  /** Indices into `analysis.cues`. */
  readonly cueIndices: readonly number[];
}

/** Secondary emotions below this probability are not worth a chip. */
export const SECONDARY_CHIP_MIN = 0.35;
/** At most this many chips per message: more is noise. */
export const MAX_CHIPS = 3;

/**
 * The chips to show on a customer message: the dominant emotion first, then other non-neutral emotions the engine
 * is fairly sure of. Evidence for a chip is every cue pushing towards that emotion; surface cues (capitals,
 * exclamation runs, intensifiers, negations) carry no emotion of their own and are attributed to the dominant chip
 * when they push the same way as its polarity, or carry no polarity at all.
 *
 * @example
 * ```ts
 * emotionChips(analysis)[0]; // { emotion: 'anger', probability: 0.91, dominant: true, cueIndices: [0, 2] }
 * ```
 */
export function emotionChips(analysis: MessageAnalysis): EmotionChip[] {
  const { probs, dominant } = analysis.emotions;
  const chosen: Emotion[] = [dominant];
  const others = EMOTIONS.filter((e) => e !== dominant && e !== 'neutral' && probs[e] >= SECONDARY_CHIP_MIN).sort(
    (a, b) => probs[b] - probs[a],
  );
  for (const e of others) if (chosen.length < MAX_CHIPS) chosen.push(e);
  return chosen.map((emotion) => ({
    emotion,
    probability: probs[emotion],
    dominant: emotion === dominant,
    cueIndices: analysis.cues.flatMap((cue, i) => (supports(cue, emotion, emotion === dominant) ? [i] : [])),
  }));
}

function supports(cue: Cue, emotion: Emotion, dominant: boolean): boolean {
  if (cue.emotion !== undefined) return cue.emotion === emotion && cue.weight > 0;
  if (!dominant || emotion === 'neutral') return false;
  return cue.sentiment === undefined || cue.sentiment === EMOTION_POLARITY[emotion];
}
