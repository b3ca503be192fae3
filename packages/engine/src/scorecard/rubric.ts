import { z } from 'zod';
import { COACH_CODES } from '../coach/draft-coach.ts';
import { CHANNELS } from '../conversation/conversation.ts';
import { BEHAVIOURS, IHEART_STEPS, QUESTION_TYPES } from '../conversation/iheart.ts';
import { IHEART_STATES } from '../conversation/iheart-progress.ts';
import type { Result } from '../conversation/result.ts';

/** The rubric format this engine reads. A rubric names it in `schema`; a future format gets a new name. */
export const RUBRIC_SCHEMA = 'attune.rubric/1';

/**
 * Facts about a conversation that decide whether a criterion applies (seed 000: an apology only counts where one
 * was due):
 * - `customer_upset`: some customer turn was upset; `company_fault`: the customer reported the company's fault;
 * - `has_customer_turns`, `has_agent_turns`; `customer_name_known`; `timestamps`: every turn has a time;
 * - `resolved`: the IHEART flow reached resolved, confirmed or closed;
 * - `channel` with `in`: the channel is one of these; `agent_turns_at_least` with `value`.
 */
const conditionSchema: z.ZodType<RubricCondition> = z.lazy(() =>
  z.union([
    z
      .object({
        fact: z.enum([
          'customer_upset',
          'company_fault',
          'has_customer_turns',
          'has_agent_turns',
          'customer_name_known',
          'timestamps',
          'resolved',
        ]),
      })
      .strict(),
    z
      .object({
        fact: z.literal('channel'),
        in: z.array(z.enum(CHANNELS as ['chat', 'email', 'phone', 'social'])).min(1),
      })
      .strict(),
    z.object({ fact: z.literal('agent_turns_at_least'), value: z.number().int().min(0) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

export type RubricCondition =
  | {
      readonly fact:
        | 'customer_upset'
        | 'company_fault'
        | 'has_customer_turns'
        | 'has_agent_turns'
        | 'customer_name_known'
        | 'timestamps'
        | 'resolved';
    }
  | { readonly fact: 'channel'; readonly in: readonly ('chat' | 'email' | 'phone' | 'social')[] }
  | { readonly fact: 'agent_turns_at_least'; readonly value: number }
  | { readonly not: RubricCondition };

/**
 * What a criterion checks:
 * - `step`: some agent reply performs an IHEART step; `scope` narrows to replies after the customer got upset,
 *   after the company's fault was reported, or the first reply;
 * - `behaviour` / `question`: some agent reply shows one of the six behaviours / asks one of the three questions;
 * - `no_coach_issue`: no agent reply has any of these coach findings;
 * - `no_channel_finding`: the channel rules found none of these (dead air, talk ratio, interruptions, ...);
 * - `final_state`: the IHEART flow ended in one of these states;
 * - `customer_calm_at_end`: the last customer turn is not upset.
 */
const checkSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('step'),
      step: z.enum(IHEART_STEPS),
      scope: z.enum(['any', 'after_upset', 'after_fault', 'first_reply']).default('any'),
    })
    .strict(),
  z.object({ kind: z.literal('behaviour'), behaviour: z.enum(BEHAVIOURS) }).strict(),
  z.object({ kind: z.literal('question'), question: z.enum(QUESTION_TYPES) }).strict(),
  z.object({ kind: z.literal('no_coach_issue'), codes: z.array(z.enum(COACH_CODES)).min(1) }).strict(),
  z
    .object({
      kind: z.literal('no_channel_finding'),
      codes: z
        .array(
          z.enum([
            'email_cool_down',
            'chat_dead_air',
            'phone_talk_ratio',
            'phone_interruptions',
            'phone_long_silence',
            'phone_pace',
          ]),
        )
        .min(1),
    })
    .strict(),
  z.object({ kind: z.literal('final_state'), in: z.array(z.enum(IHEART_STATES)).min(1) }).strict(),
  z.object({ kind: z.literal('customer_calm_at_end') }).strict(),
]);

export type RubricCheck = z.infer<typeof checkSchema>;

const criterionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/u, 'criterion ids are snake_case'),
    group: z.string().min(1),
    weight: z.number().positive().max(1000),
    /** All conditions must hold for the criterion to apply; empty or absent means it always applies. */
    when: z.array(conditionSchema).default([]),
    check: checkSchema,
    /** A failed auto-fail criterion sets the whole score to 0 (e.g. blaming or arguing with the customer). */
    autoFail: z.boolean().default(false),
  })
  .strict();

export type RubricCriterion = z.infer<typeof criterionSchema>;

const rubricSchema = z
  .object({
    schema: z.literal(RUBRIC_SCHEMA),
    id: z.string().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+$/u, 'versions are semver: 1.2.0'),
    title: z.string().optional(),
    criteria: z.array(criterionSchema).min(1),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.criteria.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate criterion id "${c.id}"` });
      seen.add(c.id);
    });
  });

/** A validated rubric: criteria with weights, applicability conditions and auto-fail flags. */
export type Rubric = z.infer<typeof rubricSchema>;

export interface RubricIssue {
  readonly code: 'invalid_rubric';
  readonly path: readonly (string | number)[];
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Validates a rubric (parsed JSON). Defaults are filled in (`when: []`, `autoFail: false`, `scope: 'any'`).
 *
 * @example
 * ```ts
 * const r = parseRubric(JSON.parse(text));
 * if (!r.ok) console.error(r.issues);
 * ```
 */
export function parseRubric(input: unknown): Result<Rubric, RubricIssue> {
  const parsed = rubricSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, 20).map((i) => ({
      code: 'invalid_rubric' as const,
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      params: { problem: i.code, detail: i.message },
    })),
  };
}
