import type { Rubric } from './rubric.ts';
import { parseRubric, RUBRIC_SCHEMA } from './rubric.ts';

/**
 * Attune's default rubric, following the seeds: the IHEART steps (001), the three questions and six behaviours (004),
 * channel rules and positive language (000), not rushing and not arguing (003). Weights are relative: the score is
 * normalised over the criteria that apply. Blaming or arguing with the customer fails the whole conversation.
 * Kept as plain JSON-shaped data so teams can copy it and edit their own.
 */
export const DEFAULT_RUBRIC_JSON = {
  schema: RUBRIC_SCHEMA,
  id: 'attune-default',
  version: '1.0.0',
  title: 'Attune default: IHEART, EQ behaviours, questions, language, channel',
  criteria: [
    {
      id: 'identify_emotion',
      group: 'iheart',
      weight: 8,
      when: [{ fact: 'customer_upset' }],
      check: { kind: 'step', step: 'identify', scope: 'after_upset' },
    },
    {
      id: 'hear_problem',
      group: 'iheart',
      weight: 8,
      when: [{ fact: 'has_customer_turns' }, { fact: 'has_agent_turns' }],
      check: { kind: 'step', step: 'hear' },
    },
    {
      id: 'empathize',
      group: 'iheart',
      weight: 8,
      when: [{ fact: 'customer_upset' }],
      check: { kind: 'step', step: 'empathize', scope: 'after_upset' },
    },
    {
      id: 'apologize_when_due',
      group: 'iheart',
      weight: 8,
      when: [{ fact: 'company_fault' }],
      check: { kind: 'step', step: 'apologize', scope: 'after_fault' },
    },
    {
      id: 'resolve_with_time_frame',
      group: 'iheart',
      weight: 14,
      when: [{ fact: 'has_customer_turns' }, { fact: 'has_agent_turns' }],
      check: { kind: 'step', step: 'resolve' },
    },
    {
      id: 'thank_customer',
      group: 'iheart',
      weight: 4,
      when: [{ fact: 'has_customer_turns' }, { fact: 'has_agent_turns' }],
      check: { kind: 'step', step: 'thank' },
    },
    {
      id: 'closing_check',
      group: 'questions',
      weight: 6,
      when: [{ fact: 'resolved' }],
      check: { kind: 'question', question: 'closing' },
    },
    {
      id: 'opening_check_in',
      group: 'questions',
      weight: 2,
      when: [
        { fact: 'channel', in: ['phone', 'chat'] },
        { fact: 'agent_turns_at_least', value: 2 },
      ],
      check: { kind: 'question', question: 'opening' },
    },
    {
      id: 'explain_reasons',
      group: 'behaviours',
      weight: 4,
      when: [{ fact: 'company_fault' }],
      check: { kind: 'behaviour', behaviour: 'explain' },
    },
    {
      id: 'personal_touch',
      group: 'behaviours',
      weight: 3,
      when: [{ fact: 'customer_name_known' }],
      check: { kind: 'behaviour', behaviour: 'personal_touch' },
    },
    {
      id: 'authentic_not_scripted',
      group: 'behaviours',
      weight: 4,
      when: [{ fact: 'has_agent_turns' }],
      check: { kind: 'no_coach_issue', codes: ['cliche'] },
    },
    {
      id: 'positive_language',
      group: 'language',
      weight: 7,
      when: [{ fact: 'has_agent_turns' }],
      check: { kind: 'no_coach_issue', codes: ['negative_language'] },
    },
    {
      id: 'no_blame_or_arguing',
      group: 'language',
      weight: 8,
      when: [{ fact: 'has_agent_turns' }],
      check: { kind: 'no_coach_issue', codes: ['blame', 'arguing'] },
      autoFail: true,
    },
    {
      id: 'clear_expectations',
      group: 'language',
      weight: 5,
      when: [{ fact: 'has_agent_turns' }],
      check: { kind: 'no_coach_issue', codes: ['no_expectation'] },
    },
    {
      id: 'no_rushing',
      group: 'language',
      weight: 3,
      when: [{ fact: 'has_agent_turns' }],
      check: { kind: 'no_coach_issue', codes: ['rushing'] },
    },
    {
      id: 'matching_tone',
      group: 'language',
      weight: 3,
      when: [{ fact: 'has_agent_turns' }],
      check: { kind: 'no_coach_issue', codes: ['tone_mismatch'] },
    },
    {
      id: 'no_dead_air',
      group: 'channel',
      weight: 3,
      when: [{ fact: 'channel', in: ['chat'] }, { fact: 'timestamps' }],
      check: { kind: 'no_channel_finding', codes: ['chat_dead_air'] },
    },
    {
      id: 'balanced_talk',
      group: 'channel',
      weight: 3,
      when: [{ fact: 'channel', in: ['phone'] }, { fact: 'timestamps' }],
      check: { kind: 'no_channel_finding', codes: ['phone_talk_ratio', 'phone_interruptions'] },
    },
    {
      id: 'customer_calm_at_end',
      group: 'outcome',
      weight: 5,
      when: [{ fact: 'customer_upset' }],
      check: { kind: 'customer_calm_at_end' },
    },
  ],
} as const;

const parsed = parseRubric(DEFAULT_RUBRIC_JSON);
if (!parsed.ok) throw new Error(`attune: the default rubric is invalid: ${JSON.stringify(parsed.issues)}`);

/** The default rubric, validated. */
export const DEFAULT_RUBRIC: Rubric = parsed.value;
