import type { PatternLang, TextSpan } from './text-span.ts';

/**
 * What an agent's reply takes up from the customer's own message: the evidence behind Hear (the reply restates the
 * problem in the customer's details) and behind the coach's personalisation check (a reply sharing nothing with a
 * real message is generic). One definition for both, so the two can never disagree about what "shared" means.
 *
 * A unit is a content word of 5+ letters compared by its first five letters (en, ru: enough to match "refund" /
 * "refunded", "возврат" / "возврата"), or, in Chinese, a maximal run of 2+ Han characters that also occurs in the
 * customer's message (one four-character word is one unit, not the three overlapping bigrams it contains).
 */

const CONTENT_WORD = /\p{L}{5,}/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Word stems too common in service talk (greetings, courtesy, function words) to show the problem was heard. */
const COMMON_STEMS = new Set([
  'about',
  'would',
  'could',
  'thank',
  'there',
  'their',
  'which',
  'where',
  'pleas',
  'hello',
  'sorry',
  'здрав',
  'добры',
  'приве',
  'спаси',
  'пожал',
  'котор',
  'можно',
  'очень',
  'извин',
]);

/** Han words too common in service talk to count as a shared detail on their own. */
const COMMON_HAN = new Set([
  '您好',
  '你好',
  '我们',
  '你们',
  '可以',
  '谢谢',
  '感谢',
  '问题',
  '这个',
  '一下',
  '您的',
  '没有',
  '什么',
  '已经',
  '就是',
  '因为',
  '如果',
  '怎么',
  '现在',
  '还是',
  '一个',
  '不是',
  '时候',
  '客服',
]);

/**
 * The distinct units of the reply that also occur in the customer's message, in reply order, each at its first
 * place in the reply. `ignore` drops units the caller does not count (for example emotion words, which restate a
 * feeling rather than the problem).
 */
export function sharedContent(
  reply: string,
  customer: string,
  lang: PatternLang,
  ignore?: (unit: string) => boolean,
): TextSpan[] {
  const shared: TextSpan[] = [];
  if (lang === 'zh') {
    const seen = new Set<string>();
    for (const m of reply.matchAll(HAN_RUN)) {
      const run = m[0];
      let i = 0;
      while (i + 2 <= run.length) {
        // The longest piece starting here that the customer also wrote, grown one character at a time (every prefix
        // of a shared piece is shared too), so a long draft costs one search per character, not one per length.
        if (!customer.includes(run.slice(i, i + 2))) {
          i++;
          continue;
        }
        let len = 2;
        while (i + len < run.length && customer.includes(run.slice(i, i + len + 1))) len++;
        const unit = run.slice(i, i + len);
        if (!seen.has(unit) && !COMMON_HAN.has(unit) && ignore?.(unit) !== true) {
          seen.add(unit);
          shared.push({ start: m.index + i, end: m.index + i + len, text: unit });
        }
        i += len;
      }
    }
    return shared;
  }
  const stems = new Set<string>();
  for (const w of customer.match(CONTENT_WORD) ?? []) stems.add(w.toLowerCase().slice(0, 5));
  const seen = new Set<string>();
  for (const m of reply.matchAll(CONTENT_WORD)) {
    const stem = m[0].toLowerCase().slice(0, 5);
    if (!stems.has(stem) || seen.has(stem) || COMMON_STEMS.has(stem) || ignore?.(m[0]) === true) continue;
    seen.add(stem);
    shared.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return shared;
}
