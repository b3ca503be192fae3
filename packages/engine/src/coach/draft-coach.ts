import type { ReplyReading } from '../conversation/reply-reading.ts';
import { IHEART_STEPS } from '../conversation/iheart.ts';
import { compiledReplyPatterns, readReply } from '../conversation/reply-reading.ts';
import { labelProbabilities } from '../conversation/reply-label-model.ts';
import { isModelAlarm, shippedCoachAlarmModel, type CoachAlarmModel } from './coach-alarm-model.ts';
import { sharedContent } from '../conversation/shared-content.ts';
import type { PatternLang, TextSpan } from '../conversation/text-span.ts';
import { findSpans, firstSpan, patternLang, sentenceAt, sentences, wordsRegex } from '../conversation/text-span.ts';
import type { CoachContext } from './coach-context.ts';
import type { CoachPatterns } from './coach-patterns.ts';
import { COACH_PATTERNS } from './coach-patterns.ts';
import { repeatedPhrases } from './repeated-phrases.ts';

/**
 * What the coach can flag in a draft reply:
 * - `negative_language`: a refusal or dead end with no alternative ("I can't refund that");
 * - `blame`: blaming the customer ("you should have read the terms");
 * - `cliche`: a canned phrase, from the built-in list or repeated from the agent's own earlier replies;
 * - `arguing`: contradicting or arguing ("that's not true", "as I already said");
 * - `rushing`: closing before the customer confirmed the fix;
 * - `no_expectation`: a promise with no time frame ("I'll look into it");
 * - `tone_mismatch`: register or tone that does not fit the customer (ты to a customer on Вы, 你 to 您, "lol" to an
 *   angry customer, "gonna" to a formal one);
 * - `no_personalization`: ignores the name or order number the customer gave;
 * - `missing_apology`: the customer reported the company's fault and nobody apologised;
 * - `wall_of_text`: too long for a chat message.
 */
export const COACH_CODES = [
  'negative_language',
  'blame',
  'cliche',
  'arguing',
  'rushing',
  'no_expectation',
  'tone_mismatch',
  'no_personalization',
  'missing_apology',
  'wall_of_text',
] as const;
export type CoachCode = (typeof COACH_CODES)[number];

/**
 * The codes Attune's reply corpus labels (corpus/README.md), which the coach eval and the coach-alarm training score;
 * missing_apology and wall_of_text are not labelled there.
 */
export const LABELLED_COACH_CODES = COACH_CODES.filter(
  (c): c is Exclude<CoachCode, 'missing_apology' | 'wall_of_text'> => c !== 'missing_apology' && c !== 'wall_of_text',
);

export type Severity = 'high' | 'medium' | 'low';

/** How bad each issue is for the customer's experience; `high` ones are worth stopping to fix before sending. */
export const COACH_SEVERITY: Readonly<Record<CoachCode, Severity>> = {
  negative_language: 'medium',
  blame: 'high',
  cliche: 'low',
  arguing: 'high',
  rushing: 'medium',
  no_expectation: 'medium',
  tone_mismatch: 'medium',
  no_personalization: 'low',
  missing_apology: 'high',
  wall_of_text: 'low',
};

/** A concrete replacement for a span of the draft, written in the draft's language. `…` marks what the agent fills in. */
export interface Rewrite {
  readonly span: TextSpan;
  readonly text: string;
}

/** One thing to change in the draft. The explanation is rendered from `code` + `params` by the message catalogs. */
export interface CoachFinding {
  readonly code: CoachCode;
  readonly severity: Severity;
  readonly span: TextSpan;
  readonly params: Readonly<Record<string, string | number>>;
  readonly rewrite?: Rewrite;
}

export interface DraftCoaching {
  readonly lang: PatternLang | undefined;
  /** Findings in the order they appear in the draft. */
  readonly findings: readonly CoachFinding[];
  /** The IHEART steps, behaviours and questions the draft already performs. */
  readonly reading: ReplyReading;
}

export interface CoachOptions {
  /**
   * The draft's reading if the caller already has it (a conversation analysis reads every sent reply), so coaching
   * a finished conversation does not read each reply twice. Must be the reading of this very draft.
   */
  readonly reading?: ReplyReading;
  /** Chat messages longer than this many characters are a wall of text (Chinese counts 2.5x). Default 450. */
  readonly wallOfTextChars?: number;
  /**
   * The learned model that withdraws content alarms it is sure are false (no_expectation, no_personalization): the
   * shipped one when left out, another, or null for the patterns' alarms as found.
   */
  readonly alarmModel?: CoachAlarmModel | null;
}

interface Compiled {
  readonly p: CoachPatterns;
  readonly negative: RegExp;
  readonly alternativeOffered: RegExp;
  readonly negativeExceptions: RegExp;
  readonly blame: RegExp;
  readonly arguing: RegExp;
  readonly closing: RegExp;
  readonly vaguePromise: RegExp;
  readonly immediate: RegExp;
  readonly casual: RegExp;
  readonly jokey: RegExp;
  readonly cutesy: RegExp;
  readonly farewell: RegExp;
  readonly generic: RegExp;
  readonly familiarYou: RegExp | undefined;
  readonly cannedApology: RegExp;
  readonly politeWord: RegExp | undefined;
}

const cache = new Map<PatternLang, Compiled>();

function compiled(lang: PatternLang): Compiled {
  const hit = cache.get(lang);
  if (hit !== undefined) return hit;
  const p = COACH_PATTERNS[lang];
  const w = (alts: readonly string[]): RegExp => wordsRegex(lang, alts);
  const polite = Object.keys(p.politeForms);
  const c: Compiled = {
    p,
    negative: w(p.negative),
    alternativeOffered: w(p.alternativeOffered),
    negativeExceptions: w(p.negativeExceptions),
    blame: w(p.blame),
    arguing: w(p.arguing),
    closing: w(p.closing),
    vaguePromise: w(p.vaguePromise),
    immediate: w(p.immediate),
    casual: w(p.casual),
    jokey: w(p.jokey),
    cutesy: w(p.cutesy),
    farewell: w(p.farewell),
    generic: w(p.generic),
    familiarYou: p.familiarYou.length === 0 ? undefined : w(p.familiarYou),
    cannedApology: w(p.cannedApology),
    politeWord: polite.length === 0 ? undefined : w(polite),
  };
  cache.set(lang, c);
  return c;
}

const EMPTY_CONTEXT: CoachContext = {
  channel: 'chat',
  specifics: [],
  customerUpset: false,
  customerConfirmed: false,
  apologyDue: false,
  customerRegister: 'neutral',
};

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

const HAN = /\p{Script=Han}/gu;
const WORDS = /[\p{L}\p{N}]+/gu;
/** Length in words (en, ru) or Han characters (zh). */
function sizeOf(text: string, lang: PatternLang): number {
  return lang === 'zh' ? (text.match(HAN)?.length ?? 0) : (text.match(WORDS)?.length ?? 0);
}

/** Replaces familiar or casual words with their polite forms, keeping a capital letter where there was one. */
function politeVersion(text: string, c: Compiled): string {
  if (c.politeWord === undefined) return text;
  c.politeWord.lastIndex = 0;
  return text.replace(c.politeWord, (word) => {
    const polite = c.p.politeForms[word.toLowerCase()] ?? c.p.politeForms[word] ?? word;
    const upper = word[0] !== undefined && word[0] !== word[0].toLowerCase();
    return upper ? polite[0]?.toUpperCase() + polite.slice(1) : polite;
  });
}

/**
 * Coaches a draft reply: findings with code, severity, span and parameters, and where possible a rewrite in the
 * draft's language. Reads only the draft and the prepared context, so it runs on every keystroke (well under a
 * millisecond for a chat-sized draft). Built for precision: each rule fires only on wording that is a problem in
 * any context, and the contextual rules (rushing, apology, tone, personalisation) only when the context shows it.
 *
 * @example
 * ```ts
 * const c = coachDraft("I can't refund that.", coachContextFromMessage('My parcel arrived broken!'));
 * c.findings.map((f) => f.code); // ['negative_language', 'missing_apology']
 * ```
 */
export function coachDraft(
  draft: string,
  context: CoachContext = EMPTY_CONTEXT,
  options: CoachOptions = {},
): DraftCoaching {
  if (typeof draft !== 'string') throw new TypeError(`coachDraft: expected a string draft, received ${typeof draft}`);
  const lang = patternLang(draft, context.lang);
  const reading =
    options.reading ??
    readReply(draft, {
      ...(lang === undefined ? {} : { lang }),
      ...(context.customerName === undefined ? {} : { customerName: context.customerName }),
      ...(context.lastCustomer === undefined ? {} : { customerText: context.lastCustomer.text }),
      specifics: context.specifics,
    });
  if (lang === undefined || draft.trim() === '') return { lang, findings: [], reading };
  const c = compiled(lang);
  const all = sentences(draft);
  const sentenceOf = (s: TextSpan): TextSpan => sentenceAt(all, s.start) ?? s;
  const findings: CoachFinding[] = [];
  const add = (
    code: CoachCode,
    span: TextSpan,
    params: Record<string, string | number> = {},
    rewrite?: Rewrite,
  ): void => {
    findings.push({
      code,
      severity: COACH_SEVERITY[code],
      span,
      params,
      ...(rewrite === undefined ? {} : { rewrite }),
    });
  };

  // Negative language: one finding per sentence, unless the same sentence already offers an alternative.
  const exceptions = findSpans(draft, c.negativeExceptions);
  const flaggedSentences = new Set<number>();
  for (const m of findSpans(draft, c.negative)) {
    if (exceptions.some((e) => overlaps(e, m))) continue;
    const s = sentenceOf(m);
    if (flaggedSentences.has(s.start) || firstSpan(s.text, c.alternativeOffered) !== undefined) continue;
    flaggedSentences.add(s.start);
    add('negative_language', m, { phrase: m.text }, { span: s, text: c.p.rewrites.negative });
  }
  // Blame and arguing: one finding per sentence, at the first phrase.
  for (const [code, re, text] of [
    ['blame', c.blame, c.p.rewrites.blame],
    ['arguing', c.arguing, c.p.rewrites.arguing],
  ] as const) {
    const seen = new Set<number>();
    for (const m of findSpans(draft, re)) {
      const s = sentenceOf(m);
      if (seen.has(s.start)) continue;
      seen.add(s.start);
      add(code, m, { phrase: m.text }, { span: s, text });
    }
  }

  const cannedApologies = findSpans(draft, c.cannedApology);
  for (const m of reading.canned) {
    const apology = cannedApologies.some((a) => overlaps(a, m));
    add(
      'cliche',
      m,
      { source: 'list', phrase: m.text },
      apology ? { span: m, text: c.p.rewrites.cannedApology } : undefined,
    );
  }
  if (context.phrases !== undefined && context.phrases.lang === lang) {
    for (const r of repeatedPhrases(draft, context.phrases)) {
      if (reading.canned.some((m) => overlaps(m, r.span))) continue;
      add('cliche', r.span, { source: 'repeated', phrase: r.span.text, times: r.times });
    }
  }

  const customerThanks = context.lastCustomer?.reading.confirms ?? false;
  if (!context.customerConfirmed && !customerThanks) {
    const close = reading.questions.closing.length === 0 ? firstSpan(draft, c.closing) : undefined;
    // A farewell before anything was resolved pushes the customer out of the conversation.
    const farewell =
      close ??
      (reading.patternSteps.resolve.length === 0 && context.lastCustomer !== undefined
        ? firstSpan(draft, c.farewell)
        : undefined);
    if (farewell !== undefined)
      add('rushing', farewell, { phrase: farewell.text }, { span: farewell, text: c.p.rewrites.rushing });
  }

  const promise = firstSpan(draft, c.vaguePromise);
  if (promise !== undefined) {
    // A time frame sets an expectation when it belongs to the promise: in its own sentence or a neighbour ("Refunds
    // take up to 14 days. Please wait."), or in another commitment ("... You'll hear from me by Friday."), and not in
    // a statement of what usually happens ("Payments can take up to 5 days. We'll look into it." sets none).
    const rp = compiledReplyPatterns(lang);
    const at = all.findIndex((s) => s.start === sentenceOf(promise).start);
    const timed = all.some(
      (s, i) =>
        (Math.abs(i - at) <= 1 ||
          firstSpan(s.text, rp.commitment) !== undefined ||
          firstSpan(s.text, rp.concreteCommitment) !== undefined) &&
        (firstSpan(s.text, rp.timeFrame) !== undefined || firstSpan(s.text, c.immediate) !== undefined) &&
        firstSpan(s.text, c.generic) === undefined,
    );
    if (!timed)
      add(
        'no_expectation',
        promise,
        { phrase: promise.text },
        { span: promise, text: c.p.rewrites.noExpectation.replace('{promise}', promise.text) },
      );
  }

  toneMismatch(draft, c, context, lang, reading, add);

  const last = context.lastCustomer;
  if (last !== undefined && !last.reading.confirms) {
    const name = context.customerName?.split(/\s+/u)[0];
    const ids = context.specifics.filter((s) => s.length >= 3);
    const lower = draft.toLowerCase();
    const usesName = name !== undefined && lower.includes(name.toLowerCase());
    const usesId = ids.some(
      (id) => lower.includes(id.toLowerCase()) || lower.includes(id.replace(/^#/u, '').toLowerCase()),
    );
    const shared = sharedContent(draft, last.text, lang).length;
    const draftSize = sizeOf(draft, lang);
    const customerSize = sizeOf(last.text, lang);
    // Generic: ignores the name or number the customer gave; or a short stock answer to a real message; or a
    // statement about what "usually" happens, with nothing about this customer's case.
    const ignoresFacts = (name !== undefined || ids.length > 0) && shared === 0 && draftSize >= 4;
    const stock = draftSize <= (lang === 'zh' ? 16 : 8) && shared === 0 && customerSize >= (lang === 'zh' ? 12 : 6);
    const categorical =
      firstSpan(draft, c.generic) !== undefined && shared <= 1 && reading.patternSteps.hear.length === 0;
    // A reply that restates the problem or meets the feeling is engaging with this customer.
    const engages =
      reading.patternSteps.hear.length + reading.patternSteps.identify.length + reading.patternSteps.empathize.length >
      0;
    const curt = draftSize <= (lang === 'zh' ? 3 : 2);
    // A short jokey or casual reply ("Don't panic lol, it'll come") is a tone problem first: flagging it as generic
    // too would be a second alarm for one problem (on the corpus train split, a third of the short-reply alarms were
    // such doubles). Ignoring the customer's name or order number stays its own finding.
    const toneFlagged = findings.some((f) => f.code === 'tone_mismatch');
    // Likewise a reply that argues or blames is flagged for that; calling it generic as well is a second alarm for one
    // problem ("Our network is performing normally in your area").
    const contradicts = findings.some((f) => f.code === 'arguing' || f.code === 'blame');
    if (
      !usesName &&
      !usesId &&
      !engages &&
      !curt &&
      !contradicts &&
      (ignoresFacts || (stock && !toneFlagged) || categorical)
    ) {
      add(
        'no_personalization',
        { start: 0, end: draft.length, text: draft },
        {
          signal: ignoresFacts ? 'ignores_facts' : stock ? 'stock' : 'categorical',
          ...(name === undefined ? {} : { name }),
          ...(ids[0] === undefined ? {} : { identifier: ids[0] }),
        },
      );
    }
  }

  if (context.apologyDue && reading.patternSteps.apologize.length === 0) {
    const first = all[0] ?? { start: 0, end: draft.length, text: draft };
    const fault = last?.reading.companyFault[0]?.text;
    add('missing_apology', first, fault === undefined ? {} : { fault }, {
      span: first,
      text: c.p.rewrites.missingApology + first.text,
    });
  }

  if (context.channel === 'chat' || context.channel === 'social') {
    const limit = options.wallOfTextChars ?? 450;
    // A Han character carries about as much as 2.5 Latin characters.
    const weight =
      lang === 'zh'
        ? (draft.match(HAN)?.length ?? 0) * 2.5 + (draft.length - (draft.match(HAN)?.length ?? 0))
        : draft.length;
    if (weight > limit)
      add(
        'wall_of_text',
        { start: 0, end: draft.length, text: draft },
        { chars: draft.length, limit: lang === 'zh' ? Math.round(limit / 2.5) : limit },
      );
  }

  const alarmModel = options.alarmModel === undefined ? shippedCoachAlarmModel() : options.alarmModel;
  const kept =
    alarmModel === null || !findings.some((f) => isModelAlarm(f.code))
      ? findings
      : withdrawSureFalseAlarms(findings, alarmModel, lang, draft, last?.text);
  kept.sort((a, b) => a.span.start - b.span.start || severityRank(a.severity) - severityRank(b.severity));
  return { lang, findings: kept, reading };
}

function toneMismatch(
  draft: string,
  c: Compiled,
  context: CoachContext,
  lang: PatternLang,
  reading: ReplyReading,
  add: (code: CoachCode, span: TextSpan, params: Record<string, string | number>, rewrite?: Rewrite) => void,
): void {
  const whole: TextSpan = { start: 0, end: draft.length, text: draft };
  const last = context.lastCustomer;
  // Serious: upset, reporting our fault, threatening or shouting. Cute or casual wording jars with it.
  const serious =
    context.customerUpset ||
    (last !== undefined &&
      (last.reading.companyFault.length > 0 || last.reading.signals.length > 0 || last.reading.shouting.length > 0));
  // The customer's own casual words are tone matching, not a mismatch ("亲" to a customer who opened with 亲).
  const mirrored = (m: TextSpan): boolean => last !== undefined && foldRepeats(last.text).includes(foldRepeats(m.text));
  const offended =
    c.p.familiarYouOffends === 'formal'
      ? context.customerRegister === 'formal'
      : context.customerRegister !== 'informal';
  if (c.familiarYou !== undefined && offended) {
    const m = firstSpan(draft, c.familiarYou);
    if (m !== undefined) {
      add(
        'tone_mismatch',
        m,
        { reason: 'familiar_address', phrase: m.text },
        { span: whole, text: politeVersion(draft, c) },
      );
      return;
    }
  }
  // Curt: a word or two with no step in it, answering a real message, where the customer wrote formally or by
  // email ("a one-word answer to a polite email"); in a quick chat "Check your email." is brisk, not rude.
  if (
    last !== undefined &&
    (context.channel === 'email' || context.customerRegister === 'formal') &&
    !last.reading.confirms &&
    IHEART_STEPS.every((s) => reading.patternSteps[s].length === 0) &&
    sizeOf(draft, lang) <= (lang === 'zh' ? 3 : 2) &&
    sizeOf(last.text, lang) >= (lang === 'zh' ? 10 : 5)
  ) {
    add('tone_mismatch', whole, { reason: 'curt', phrase: draft.trim() });
    return;
  }
  if (serious || context.customerRegister === 'formal') {
    const m = firstSpan(draft, c.cutesy);
    if (m !== undefined && !mirrored(m)) {
      add('tone_mismatch', m, { reason: serious ? 'jokey_with_upset' : 'casual_with_formal', phrase: m.text });
      return;
    }
  }
  if (serious) {
    const m = firstSpan(draft, c.jokey);
    if (m !== undefined && !mirrored(m)) {
      add('tone_mismatch', m, { reason: 'jokey_with_upset', phrase: m.text });
      return;
    }
  }
  if (context.customerRegister === 'formal' || (serious && context.customerRegister !== 'informal')) {
    const m = firstSpan(draft, c.casual);
    if (m !== undefined && !mirrored(m)) {
      const polite = politeVersion(draft, c);
      add(
        'tone_mismatch',
        m,
        { reason: 'casual_with_formal', phrase: m.text },
        polite === draft ? undefined : { span: whole, text: polite },
      );
    }
  }
}

/** Lower case, trimmed, doubled letters folded: "亲亲" matches "亲", "Sooo" matches "so". */
function foldRepeats(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/(.)\1+/gu, '$1');
}

/**
 * The content alarms the model is sure are false (probability below its veto) are dropped; every other finding stays.
 * A generic-reply alarm raised because the draft ignores the name or number the customer gave is never dropped: the
 * model reads n-grams and cannot see whether the draft mentions them (it withdrew "Our team will review your request"
 * to a customer who gave an order number).
 */
function withdrawSureFalseAlarms(
  findings: readonly CoachFinding[],
  model: CoachAlarmModel,
  lang: PatternLang,
  draft: string,
  customerText: string | undefined,
): CoachFinding[] {
  const p = labelProbabilities(model, lang, draft, customerText);
  return findings.filter(
    (f) => !isModelAlarm(f.code) || f.params['signal'] === 'ignores_facts' || p[f.code] >= model.veto,
  );
}

function severityRank(s: Severity): number {
  return s === 'high' ? 0 : s === 'medium' ? 1 : 2;
}
