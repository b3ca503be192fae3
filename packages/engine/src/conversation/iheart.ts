/**
 * The IHEART model (seed 001): Identify the emotion, Hear the problem, Empathize, Apologize, Resolve, Thank.
 * Order is the model's order: never reorder.
 */
export const IHEART_STEPS = ['identify', 'hear', 'empathize', 'apologize', 'resolve', 'thank'] as const;
export type IheartStep = (typeof IHEART_STEPS)[number];

/** The six high-EQ behaviours of seed 004. */
export const BEHAVIOURS = [
  'anticipate',
  'explain',
  'educate',
  'emotional_support',
  'personal_touch',
  'authentic',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** The three questions of seed 004: an opening check-in, clarifying questions, a closing check. */
export const QUESTION_TYPES = ['opening', 'clarifying', 'closing'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export function isIheartStep(x: unknown): x is IheartStep {
  return typeof x === 'string' && (IHEART_STEPS as readonly string[]).includes(x);
}
