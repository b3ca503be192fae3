/**
 * The server's ConversationIntelligence fulfilled by the engine: the conversation analyzer (arc, escalation
 * risk, IHEART progress, next best step, channel rules), the draft coach, rubric scorecards and inferred CSAT.
 * Stored per-message analyses are passed in as given, so a message is never read twice.
 */
import {
  assistSnapshot,
  coachContextFrom,
  coachConversation,
  coachDraft,
  createConversationAnalyzer,
  DEFAULT_RUBRIC,
  inferCsat,
  parseConversation,
  parseRubric,
  scoreConversation,
  type Analyzer,
  type ConversationAnalysis,
  type MessageAnalysis,
} from '@attune/engine';
import type { ConversationIntelligence, TranscriptTurn } from './conversation-intelligence.ts';

function analyse(
  analyzer: ReturnType<typeof createConversationAnalyzer>,
  transcript: readonly TranscriptTurn[],
  lang: string | undefined,
): ConversationAnalysis {
  const parsed = parseConversation({
    channel: 'chat',
    ...(lang === undefined ? {} : { lang }),
    turns: transcript.map((t) => ({ role: t.role, text: t.text, at: t.at })),
  });
  // The transcript comes from our own tables (roles and ISO times we wrote): failing here is a bug, not input.
  if (!parsed.ok) throw new Error(`engineIntelligence: stored transcript rejected: ${JSON.stringify(parsed.issues)}`);
  const precomputed = new Map<number, MessageAnalysis>();
  transcript.forEach((t, i) => {
    if (t.role === 'customer' && t.analysis !== null && typeof t.analysis === 'object')
      precomputed.set(i, t.analysis as MessageAnalysis);
  });
  return analyzer.analyze(parsed.value, precomputed);
}

/** Builds the engine-backed intelligence on the analyzer the server already uses for single messages. */
export function engineIntelligence(analyzer: Analyzer): ConversationIntelligence {
  const conversations = createConversationAnalyzer({ analyzer });
  return {
    assess(transcript, options) {
      return assistSnapshot(analyse(conversations, transcript, options.lang), 'server');
    },
    coachDraft(draft, transcript, options) {
      const analysis = analyse(conversations, transcript, options.lang);
      return coachDraft(draft, coachContextFrom(analysis)) as unknown as Record<string, unknown>;
    },
    score(transcript, options) {
      const analysis = analyse(conversations, transcript, options.lang);
      const custom = options.rubric === undefined ? undefined : parseRubric(options.rubric);
      const rubric = custom?.ok === true ? custom.value : DEFAULT_RUBRIC;
      const card = scoreConversation(analysis, rubric);
      // A conversation with nothing to judge scores null in the engine; stored as 0 beside the full card.
      return { score: card.score ?? 0, detail: card as unknown as Record<string, unknown> };
    },
    inferCsat(transcript, options) {
      const analysis = analyse(conversations, transcript, options.lang);
      const findings = coachConversation(analysis).flatMap((t) => t.coaching.findings);
      const inferred = inferCsat(analysis, findings);
      return { csat: inferred.csat, detail: inferred as unknown as Record<string, unknown> };
    },
  };
}
