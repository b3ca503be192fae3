export type { CoachCode, CoachFinding, CoachOptions, DraftCoaching, Rewrite, Severity } from './draft-coach.ts';
export { COACH_CODES, COACH_SEVERITY, coachDraft } from './draft-coach.ts';
export type { CoachContext } from './coach-context.ts';
export { coachContextFrom, coachContextFromMessage } from './coach-context.ts';
export type { PhraseMemory } from './repeated-phrases.ts';
export { phraseMemory, repeatedPhrases } from './repeated-phrases.ts';
export type { TurnCoaching } from './conversation-coaching.ts';
export { coachConversation } from './conversation-coaching.ts';
