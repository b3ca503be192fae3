export type { Channel, Conversation, ConversationNote, CustomerFacts, Role, Turn } from './conversation.ts';
export { CHANNELS, ROLES } from './conversation.ts';
export type { Result } from './result.ts';
export type { ConversationIssue } from './parse-conversation.ts';
export { MAX_TURNS, MAX_TURN_CHARS, parseConversation } from './parse-conversation.ts';
export type { PatternLang, TextSpan } from './text-span.ts';
export { patternLang, PATTERN_LANGS, sentences } from './text-span.ts';
export type { Behaviour, IheartStep, QuestionType } from './iheart.ts';
export { BEHAVIOURS, IHEART_STEPS, isIheartStep, QUESTION_TYPES } from './iheart.ts';
export type { Evidence, EvidenceCue, ReplyContext, ReplyReading } from './reply-reading.ts';
export { readReply, stepsPerformed } from './reply-reading.ts';
export type { ModelInput, ReplyLabelModel, ReplyLabelModelFile } from './reply-label-model.ts';
export {
  labelProbabilities,
  loadReplyLabelModel,
  MODEL_INPUTS,
  modelFeatures,
  ngramFeatures,
  replyLabelModelSchema,
  WEIGHT_SCALE,
} from './reply-label-model.ts';
export type { ModelStep, ReplyStepModel } from './reply-step-model.ts';
export { MODEL_ADDS, MODEL_STEPS, shippedReplyStepModel } from './reply-step-model.ts';
export type { EscalationReason } from './customer-patterns.ts';
export { ESCALATION_REASONS } from './customer-patterns.ts';
export type { CustomerReading, Register } from './customer-reading.ts';
export { readCustomerMessage } from './customer-reading.ts';
export type { ArcPoint, ArcTrend, EmotionalArc } from './emotional-arc.ts';
export { emotionalArc, heatOf } from './emotional-arc.ts';
export type {
  EscalationAssessment,
  EscalationCode,
  EscalationFinding,
  EscalationOptions,
  EscalationTurn,
  RiskLevel,
} from './escalation-risk.ts';
export { assessEscalation, ESCALATION_WEIGHTS, RISK_LEVELS, riskLevel } from './escalation-risk.ts';
export type { IheartEvent, IheartProgress, IheartState, IheartTransition } from './iheart-progress.ts';
export {
  IHEART_EVENTS,
  IHEART_STATES,
  IHEART_TRANSITIONS,
  iheartProgress,
  nextIheartState,
} from './iheart-progress.ts';
export type { NextBestStep, NextStepCode } from './next-best-step.ts';
export type {
  ChannelFinding,
  ChannelReport,
  ChannelRuleOptions,
  PhoneMetrics,
  ReplyPlanItem,
} from './channel-rules.ts';
export { CHANNEL_DEFAULTS } from './channel-rules.ts';
export type {
  AgentTurnAnalysis,
  ConversationAnalysis,
  ConversationAnalyzer,
  ConversationAnalyzerConfig,
  ConversationOptions,
  CustomerTurnAnalysis,
} from './conversation-analyzer.ts';
export { createConversationAnalyzer, UPSET_HEAT, UPSET_VALENCE } from './conversation-analyzer.ts';
export type { ArcFeatures, InferredCsat } from './inferred-csat.ts';
export {
  ARC_CSAT_WEIGHTS,
  arcFeatures,
  arcRow,
  CSAT_ADJUSTMENTS,
  csatFromArc,
  fitRidge,
  inferCsat,
} from './inferred-csat.ts';
export type { AssistSnapshot } from './assist-snapshot.ts';
export { assistSnapshot } from './assist-snapshot.ts';
