import { CANNED_PHRASES } from './canned-phrases.ts';
import type { Behaviour, IheartStep, QuestionType } from './iheart.ts';
import { BEHAVIOURS, IHEART_STEPS, QUESTION_TYPES } from './iheart.ts';
import type { ReplyPatterns } from './reply-patterns.ts';
import { REPLY_PATTERNS } from './reply-patterns.ts';
import type { PatternLang, TextSpan } from './text-span.ts';
import { identifiersIn } from './customer-reading.ts';
import { sharedContent } from './shared-content.ts';
import { labelProbabilities, weightiestSentence } from './reply-label-model.ts';
import type { ModelStep, ReplyStepModel } from './reply-step-model.ts';
import { MODEL_ADDS, MODEL_STEPS, shippedReplyStepModel } from './reply-step-model.ts';
import { findSpans, firstSpan, patternLang, sentences, wordsRegex } from './text-span.ts';

/**
 * Why a step, behaviour or question was credited, so an agent can see which words earned it:
 * - `phrase`: a phrase that performs it ("just to confirm", "sorry", "thank you");
 * - `emotion_named`: an emotion word acknowledged as the customer's ("I can see you're frustrated");
 * - `clarifying_question`: a question asking for information;
 * - `done_action`: a completed action ("I've issued the refund");
 * - `commitment_with_time`: a promise with a time frame ("you'll have it by Friday");
 * - `concrete_commitment`: a promise of a concrete action ("I'll send a replacement"), with or without a time frame;
 * - `instruction`: steps the customer can follow now;
 * - `answer`: a factual answer to the customer's question ("your contract ends on 14 September"), which settles it;
 * - `name_used`: the customer's name;
 * - `specific_detail`: a detail from the customer's own message (for authenticity);
 * - `restated_detail`: the reply restates the customer's problem in its details (their order number, or several of
 *   their own words), which is Hear;
 * - `model`: no pattern matched, but the learned reply-step model is sure the step is there; the span is the sentence
 *   that weighs most for it (see reply-step-model.ts).
 */
export type EvidenceCue =
  | 'phrase'
  | 'emotion_named'
  | 'clarifying_question'
  | 'done_action'
  | 'commitment_with_time'
  | 'concrete_commitment'
  | 'instruction'
  | 'answer'
  | 'name_used'
  | 'specific_detail'
  | 'restated_detail'
  | 'model';

export interface Evidence {
  readonly cue: EvidenceCue;
  readonly span: TextSpan;
}

/** What one agent reply does, by the IHEART steps, the six behaviours and the three questions. */
export interface ReplyReading {
  /** The language the patterns were read in; undefined when the reply is in none of en/zh/ru (nothing credited). */
  readonly lang: PatternLang | undefined;
  /** Each step with its evidence; an empty list means the step was not performed. */
  readonly steps: Readonly<Record<IheartStep, readonly Evidence[]>>;
  /**
   * The steps as the patterns alone read them, before the learned model confirmed, withdrew or added any. The coach
   * decides its alarms on these: every alarm then rests on words the agent can see.
   */
  readonly patternSteps: Readonly<Record<IheartStep, readonly Evidence[]>>;
  readonly behaviours: Readonly<Record<Behaviour, readonly Evidence[]>>;
  readonly questions: Readonly<Record<QuestionType, readonly Evidence[]>>;
  /** Canned phrases found (they also make the reply not `authentic`). */
  readonly canned: readonly TextSpan[];
  /**
   * The learned model's probability for each step it judges (identify, hear, empathize, resolve); undefined when the
   * reply was read by the patterns alone.
   */
  readonly stepProbabilities?: Readonly<Record<ModelStep, number>>;
}

/** What the reader may know about the customer, to credit a personal touch and specifics. */
export interface ReplyContext {
  readonly lang?: string;
  readonly customerName?: string;
  /** Identifiers and details the customer gave (order numbers, product names), matched literally. */
  readonly specifics?: readonly string[];
  /** The customer message being answered: a reply that restates its details performs Hear. */
  readonly customerText?: string;
  /**
   * The learned second reader for identify, hear, empathize and resolve: the shipped model when left out, another
   * model (a freshly trained one), or null to read by the patterns alone.
   */
  readonly stepModel?: ReplyStepModel | null;
}

interface Compiled {
  readonly p: ReplyPatterns;
  readonly emotion: RegExp;
  readonly acknowledge: RegExp;
  readonly identify: RegExp;
  readonly identifyBlockers: RegExp;
  readonly situationEmotion: RegExp;
  readonly restate: RegExp;
  readonly clarifyingQuestion: RegExp;
  readonly offerQuestion: RegExp;
  readonly empathize: RegExp;
  readonly understand: RegExp;
  readonly understandHow: RegExp;
  readonly customerQuestion: RegExp;
  readonly factualAnswer: RegExp;
  readonly categoryAnswer: RegExp;
  readonly apologize: RegExp;
  readonly resolveDone: RegExp;
  readonly commitment: RegExp;
  readonly concreteCommitment: RegExp;
  readonly timeFrame: RegExp;
  readonly instruction: RegExp;
  readonly thank: RegExp;
  readonly behaviours: Readonly<Record<Exclude<Behaviour, 'authentic'>, RegExp>>;
  readonly openingCheck: RegExp;
  readonly closingCheck: RegExp;
  readonly canned: RegExp;
}

const compiled = new Map<PatternLang, Compiled>();

/** Compiled once per language and reused: reading a reply must stay well under a millisecond. */
export function compiledReplyPatterns(lang: PatternLang): Compiled {
  const hit = compiled.get(lang);
  if (hit !== undefined) return hit;
  const p = REPLY_PATTERNS[lang];
  const w = (alts: readonly string[]): RegExp => wordsRegex(lang, alts);
  const c: Compiled = {
    p,
    emotion: w(p.emotionWords),
    acknowledge: w(p.acknowledge),
    identify: w(p.identify),
    identifyBlockers: w(p.identifyBlockers),
    situationEmotion: w(p.situationEmotion),
    restate: w(p.restate),
    clarifyingQuestion: w(p.clarifyingQuestion),
    offerQuestion: w(p.offerQuestion),
    empathize: w(p.empathize),
    understand: w(p.understand),
    understandHow: w(p.understandHow),
    customerQuestion: w(p.customerQuestion),
    factualAnswer: w(p.factualAnswer),
    categoryAnswer: w(p.categoryAnswer),
    apologize: w(p.apologize),
    resolveDone: w(p.resolveDone),
    commitment: w(p.commitment),
    concreteCommitment: w(p.concreteCommitment),
    timeFrame: w(p.timeFrame),
    instruction: w(p.instruction),
    thank: w(p.thank),
    behaviours: {
      anticipate: w(p.anticipate),
      explain: w(p.explain),
      educate: w(p.educate),
      emotional_support: w(p.support),
      personal_touch: w(p.personalTouch),
    },
    openingCheck: w(p.openingCheck),
    closingCheck: w(p.closingCheck),
    canned: w(CANNED_PHRASES[lang]),
  };
  compiled.set(lang, c);
  return c;
}

function shift(span: TextSpan, by: number): TextSpan {
  return { start: span.start + by, end: span.end + by, text: span.text };
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

const QUESTION_END = /[?？]\s*$/u;
const ZH_QUESTION_PARTICLE = /(吗|呢)[。.!！]?\s*$/u;

/** A sentence that asks: it ends with a question mark, or in Chinese with 吗 / 呢. */
function isQuestion(sentence: string, lang: PatternLang): boolean {
  return QUESTION_END.test(sentence) || (lang === 'zh' && ZH_QUESTION_PARTICLE.test(sentence));
}

/**
 * Reads one agent reply: which IHEART steps it performs, which of the six behaviours it shows and which of the
 * three questions it asks, each with the words that earned it. Pure and deterministic; about a tenth of a
 * millisecond for a chat-sized reply.
 *
 * @example
 * ```ts
 * const r = readReply("I'm sorry your order arrived damaged. I've sent a replacement; it will arrive by Friday.");
 * r.steps.apologize.length > 0; // true
 * r.steps.resolve[0].cue;       // 'done_action'
 * ```
 */
export function readReply(reply: string, context: ReplyContext = {}): ReplyReading {
  if (typeof reply !== 'string') throw new TypeError(`readReply: expected a string reply, received ${typeof reply}`);
  const lang = patternLang(reply, context.lang);
  const steps = emptyRecord(IHEART_STEPS);
  const behaviours = emptyRecord(BEHAVIOURS);
  const questions = emptyRecord(QUESTION_TYPES);
  if (lang === undefined)
    return { lang, steps, patternSteps: emptyRecord(IHEART_STEPS), behaviours, questions, canned: [] };
  const c = compiledReplyPatterns(lang);

  const canned = findSpans(reply, c.canned);
  const blockers = findSpans(reply, c.identifyBlockers);
  const situational = findSpans(reply, c.situationEmotion);
  const notBlocked = (s: TextSpan): boolean => !blockers.some((b) => overlaps(b, s));
  const notSituational = (s: TextSpan): boolean => notBlocked(s) && !situational.some((b) => overlaps(b, s));
  const notCanned = (s: TextSpan): boolean => !canned.some((b) => overlaps(b, s));

  const phrase = (re: RegExp, filter: (s: TextSpan) => boolean = () => true): Evidence[] =>
    findSpans(reply, re)
      .filter(filter)
      .map((span) => ({ cue: 'phrase' as const, span }));

  const closing = phrase(c.closingCheck);
  const opening = phrase(c.openingCheck);
  questions.closing.push(...closing);
  questions.opening.push(...opening);

  steps.identify.push(
    ...findSpans(reply, c.identify)
      .filter(notSituational)
      .map((span) => ({ cue: 'emotion_named' as const, span })),
  );
  steps.empathize.push(...phrase(c.empathize, notBlocked));
  // "We apologise for any inconvenience" is still an apology, if a weak one; the coach flags it as canned.
  steps.apologize.push(...phrase(c.apologize));
  steps.thank.push(...phrase(c.thank));
  steps.hear.push(...phrase(c.restate));
  steps.resolve.push(...findSpans(reply, c.resolveDone).map((span) => ({ cue: 'done_action' as const, span })));

  const replySentences = sentences(reply);
  for (const s of replySentences) {
    // Identify: an emotion word in a sentence that also acknowledges it as the customer's.
    if (steps.identify.length === 0) {
      const emo = findSpans(s.text, c.emotion).map((e) => shift(e, s.start));
      const ack = firstSpan(s.text, c.acknowledge);
      const named = emo.find((e) => notSituational(e) && notCanned(e));
      if (named !== undefined && ack !== undefined) steps.identify.push({ cue: 'emotion_named', span: named });
    }
    if (isQuestion(s.text, lang)) {
      const sentenceSpan: TextSpan = s;
      const isCheck = [...closing, ...opening].some((e) => overlaps(e.span, sentenceSpan));
      // Any other question asks the customer something, unless it offers something instead.
      if (!isCheck && firstSpan(s.text, c.offerQuestion) === undefined) {
        const q: Evidence = { cue: 'clarifying_question', span: s };
        questions.clarifying.push(q);
        steps.hear.push(q);
      }
    }
    // A question offers or asks ("Shall I send it tomorrow?", "需要明天给您送过去吗？"): it commits to nothing yet. Only
    // its last clause is the question: "我现在直接帮您改，新地址是哪里？" commits before asking.
    const statement = statementPart(s, lang);
    const committed = (m: TextSpan | undefined): TextSpan | undefined =>
      m !== undefined && statement !== undefined && m.start < statement.end - s.start ? m : undefined;
    const commitment = committed(firstSpan(s.text, c.commitment));
    // "Refunds usually arrive within 5 days" states the category, not a commitment to this customer.
    const time = firstSpan(s.text, c.categoryAnswer) === undefined ? firstSpan(s.text, c.timeFrame) : undefined;
    if (commitment !== undefined && time !== undefined) steps.resolve.push({ cue: 'commitment_with_time', span: s });
    else {
      const concrete = committed(firstSpan(s.text, c.concreteCommitment));
      if (concrete !== undefined) steps.resolve.push({ cue: 'concrete_commitment', span: shift(concrete, s.start) });
    }
    const instruction = firstSpan(s.text, c.instruction);
    if (instruction !== undefined) steps.resolve.push({ cue: 'instruction', span: shift(instruction, s.start) });
  }

  // "I understand your concern", "理解您着急", "понимаю ваше волнение" name the feeling: that is identify, and the bare
  // "I understand" in it is not empathy on top. "I understand how hard this is" goes further and stays empathy.
  const identified = clauses(reply).filter((s) => steps.identify.some((e) => overlaps(e.span, s)));
  steps.empathize = steps.empathize.filter(
    (e) =>
      !identified.some((s) => overlaps(e.span, s)) ||
      firstSpan(e.span.text, c.understand) === undefined ||
      firstSpan(e.span.text, c.understandHow) !== undefined,
  );

  // A factual answer to the customer's question settles it, though no action was taken.
  const customer = context.customerText;
  if (
    steps.resolve.length === 0 &&
    customer !== undefined &&
    (/[?？]/u.test(customer) || firstSpan(customer, c.customerQuestion) !== undefined)
  ) {
    const answer = replySentences
      .map((s) => statementPart(s, lang))
      .find(
        (s) =>
          s !== undefined &&
          // "I'm sorry we've let you down after 8 years" has a number in it, but answers nothing.
          firstSpan(s.text, c.apologize) === undefined &&
          firstSpan(s.text, c.factualAnswer) !== undefined &&
          firstSpan(s.text, c.categoryAnswer) === undefined,
      );
    if (answer !== undefined) steps.resolve.push({ cue: 'answer', span: answer });
  }

  if (steps.hear.length === 0 && context.customerText !== undefined) {
    const restated = restatedDetail(reply, context.customerText, lang, context.customerName);
    if (restated !== undefined) steps.hear.push({ cue: 'restated_detail', span: restated });
  }

  for (const b of ['anticipate', 'explain', 'educate', 'emotional_support', 'personal_touch'] as const) {
    behaviours[b].push(...phrase(c.behaviours[b]));
  }
  const name = context.customerName?.trim();
  if (name !== undefined && name.length >= 2) {
    const first = name.split(/\s+/u)[0] ?? name;
    const at = reply.toLowerCase().indexOf(first.toLowerCase());
    if (at >= 0)
      behaviours.personal_touch.push({
        cue: 'name_used',
        span: { start: at, end: at + first.length, text: reply.slice(at, at + first.length) },
      });
  }
  // Authentic: no canned phrase, and the reply speaks to this customer (their name or a detail they gave).
  if (canned.length === 0) {
    const personal = behaviours.personal_touch.find((e) => e.cue === 'name_used');
    if (personal !== undefined) behaviours.authentic.push(personal);
    for (const detail of context.specifics ?? []) {
      if (detail.length < 3) continue;
      const at = reply.toLowerCase().indexOf(detail.toLowerCase());
      if (at >= 0) {
        behaviours.authentic.push({
          cue: 'specific_detail',
          span: { start: at, end: at + detail.length, text: reply.slice(at, at + detail.length) },
        });
        break;
      }
    }
  }
  for (const list of [...Object.values(steps), ...Object.values(behaviours), ...Object.values(questions)]) {
    list.sort((a, b) => a.span.start - b.span.start);
  }
  const patternSteps = emptyRecord(IHEART_STEPS);
  for (const step of IHEART_STEPS) patternSteps[step].push(...steps[step]);
  const model = context.stepModel === undefined ? shippedReplyStepModel() : context.stepModel;
  const probabilities = model === null ? undefined : labelProbabilities(model, lang, reply, context.customerText);
  if (model !== null && probabilities !== undefined) {
    // The model learnt from whole replies: it may withdraw a step from any reply, but it credits one the patterns
    // missed only in a reply of two sentences or more (a lone "Oh no, that sounds annoying." is outside what it knows),
    // and never hear (see MODEL_ADDS).
    const mayAdd = replySentences.length >= 2;
    for (const step of MODEL_STEPS) {
      const p = probabilities[step];
      if (steps[step].length > 0 && p < model.veto) steps[step] = [];
      else if (mayAdd && MODEL_ADDS.includes(step) && steps[step].length === 0 && p > model.add) {
        const span = weightiestSentence(model, reply, lang, step);
        if (span !== undefined) steps[step].push({ cue: 'model', span });
      }
    }
  }
  return {
    lang,
    steps,
    patternSteps,
    behaviours,
    questions,
    canned,
    ...(probabilities === undefined ? {} : { stepProbabilities: probabilities }),
  };
}

/**
 * The part of a sentence that states rather than asks: all of it, or for a question everything before its last clause
 * ("您的合约9月14日到期，需要给您介绍一下续约方案吗？" states the date first); undefined for a one-clause question.
 */
function statementPart(s: TextSpan, lang: PatternLang): TextSpan | undefined {
  if (!isQuestion(s.text, lang)) return s;
  const cut = Math.max(0, ...[...s.text.matchAll(/[,，;；]/gu)].map((m) => m.index));
  if (cut === 0) return undefined;
  const text = s.text.slice(0, cut);
  return { start: s.start, end: s.start + text.length, text };
}

/** Clauses with their offsets: sentences further split at commas, semicolons and dashes. */
function clauses(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of text.matchAll(/[^.!?。！？…\n,;，；、—–]+/gu)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed !== '') out.push({ start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed });
  }
  return out;
}

function emptyRecord<K extends string>(keys: readonly K[]): Record<K, Evidence[]> {
  const out = {} as Record<K, Evidence[]>;
  for (const k of keys) out[k] = [];
  return out;
}

/** The steps a reading credits, in IHEART order. */
export function stepsPerformed(reading: ReplyReading): IheartStep[] {
  return IHEART_STEPS.filter((s) => reading.steps[s].length > 0);
}

/** Shared details needed to call a reply a restatement: an identifier, or this many content units. */
const MIN_SHARED = 3;
/** Or one shared Chinese run at least this long (a whole phrase of theirs, such as "充值到别人的号码"). */
const MIN_HAN_RUN = 5;

/** The first place where the reply restates the customer's message: an identifier they gave, or several of their words. */
function restatedDetail(
  reply: string,
  customer: string,
  lang: PatternLang,
  customerName: string | undefined,
): TextSpan | undefined {
  const lower = reply.toLowerCase();
  for (const id of identifiersIn(customer)) {
    const bare = id.replace(/^(#|№|No\.?\s?)/u, '').toLowerCase();
    const at = lower.indexOf(bare);
    if (bare.length >= 4 && at >= 0)
      return { start: at, end: at + bare.length, text: reply.slice(at, at + bare.length) };
  }
  const emotion = compiledReplyPatterns(lang).emotion;
  const name = customerName?.trim().toLowerCase();
  // The customer's name is a personal touch, and a feeling word restates the feeling ("sorry for the confusion" after
  // "I'm confused"): neither restates the problem.
  const shared = sharedContent(
    reply,
    customer,
    lang,
    (unit) =>
      (name !== undefined && name.includes(unit.toLowerCase())) ||
      firstSpan(unit, emotion)?.text.length === unit.length,
  );
  if (shared.length >= MIN_SHARED) return shared[0];
  return lang === 'zh' ? shared.find((u) => u.text.length >= MIN_HAN_RUN) : undefined;
}
