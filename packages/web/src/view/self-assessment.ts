/**
 * The four reflective questions of seed 000 ("use reflective questions for self-assessment"): how well did I read
 * the customer's emotions, did I meet their needs, did I change how they see the company, did I adapt to their mood.
 */
export const SELF_QUESTIONS = ['read_emotions', 'met_needs', 'changed_view', 'adapted_mood'] as const;
export type SelfQuestion = (typeof SELF_QUESTIONS)[number];

export type Ratings = Partial<Record<SelfQuestion, number>>;

/** Whether every question has a whole rating from 1 to 5. */
export function isComplete(ratings: Ratings): ratings is Record<SelfQuestion, number> {
  return SELF_QUESTIONS.every((q) => {
    const r = ratings[q];
    return r !== undefined && Number.isInteger(r) && r >= 1 && r <= 5;
  });
}

/**
 * A self-assessment on the scorecard's 0..100 scale, to set beside the automatic score: the mean rating, 1 -> 0 and
 * 5 -> 100. Undefined unless at least one of the four questions has a valid rating.
 */
export function selfScore(ratings: Readonly<Record<string, number>>): number | undefined {
  const values = SELF_QUESTIONS.map((q) => ratings[q]).filter((r): r is number => r !== undefined && r >= 1 && r <= 5);
  if (values.length === 0) return undefined;
  const mean = values.reduce((s, r) => s + r, 0) / values.length;
  return Math.round(((mean - 1) / 4) * 1000) / 10;
}
