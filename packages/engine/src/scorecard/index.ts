export type { Rubric, RubricCheck, RubricCondition, RubricCriterion, RubricIssue } from './rubric.ts';
export { parseRubric, RUBRIC_SCHEMA } from './rubric.ts';
export { DEFAULT_RUBRIC, DEFAULT_RUBRIC_JSON } from './default-rubric.ts';
export type { CriterionEvidence, CriterionResult, CriterionStatus, Scorecard } from './score-conversation.ts';
export { scoreConversation } from './score-conversation.ts';
