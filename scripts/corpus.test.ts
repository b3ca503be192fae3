// Guards the hand-written corpus in corpus/: every line parses, labels come from the documented sets, the
// dev/train split follows its rule, and each language keeps its minimum size. Training and evaluation code
// read these files blindly, so a typo in a label must fail here rather than skew a measured figure.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EMOTIONS, SENTIMENTS } from '../packages/engine/src/emotion/taxonomy.ts';

const LANGS = ['en', 'zh', 'ru'] as const;
const CHANNELS = ['chat', 'email', 'phone', 'social'];
const SPLITS = ['train', 'dev'];
const IHEART_STEPS = ['identify', 'hear', 'empathize', 'apologize', 'resolve', 'thank'] as const;
const ISSUE_CODES = [
  'negative_language',
  'blame',
  'cliche',
  'arguing',
  'rushing',
  'no_expectation',
  'tone_mismatch',
  'no_personalization',
];
const RISKS = ['low', 'medium', 'high'];
/** The ids (inclusive) of the batch of `replies-extra` held out as dev: written blind to the patterns (corpus/README.md). */
const HELD_OUT_EXTRA = { en: [200, 349], zh: [248, 397], ru: [205, 354] } as const;
const ROLES = ['customer', 'agent', 'system'];

type Row = Readonly<Record<string, unknown>>;

function readJsonl(relativePath: string): readonly Row[] {
  const text = readFileSync(new URL(`../corpus/${relativePath}`, import.meta.url), 'utf8');
  assert.ok(text.endsWith('\n'), `${relativePath} should end with a newline`);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line, i) => {
      const value: unknown = JSON.parse(line);
      assert.ok(isRow(value), `${relativePath}:${i + 1} is not a JSON object`);
      return value;
    });
}

function isRow(x: unknown): x is Row {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function assertKeys(row: Row, required: readonly string[], optional: readonly string[], where: string): void {
  for (const key of required) assert.ok(key in row, `${where} lacks "${key}"`);
  for (const key of Object.keys(row)) {
    assert.ok(required.includes(key) || optional.includes(key), `${where} has unexpected field "${key}"`);
  }
}

function assertText(value: unknown, where: string): void {
  assert.equal(typeof value, 'string', `${where} should be a string`);
  assert.ok(String(value).trim().length > 0, `${where} should not be empty`);
}

function assertOneOf(value: unknown, allowed: readonly string[], where: string): void {
  assert.ok(
    typeof value === 'string' && allowed.includes(value),
    `${where}: ${JSON.stringify(value)} not in ${allowed.join('|')}`,
  );
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const allIds = new Set<string>();
function assertFreshId(id: unknown, lang: string, kind: string, where: string): void {
  assert.ok(
    typeof id === 'string' && id.startsWith(`${lang}-${kind}-`),
    `${where}: id ${String(id)} should start with ${lang}-${kind}-`,
  );
  assert.ok(!allIds.has(id), `${where}: id ${id} is used twice`);
  allIds.add(id);
}

/** A labelled reply line, as in `replies/` and `replies-extra/`: keys, id, language, texts, IHEART and issue codes. */
function assertReply(row: Row, lang: string, kind: string, where: string): void {
  assertKeys(row, ['id', 'lang', 'channel', 'customer', 'reply', 'iheart', 'issues', 'split'], [], where);
  assertFreshId(row['id'], lang, kind, where);
  assert.equal(row['lang'], lang, `${where} lang`);
  assertOneOf(row['channel'], CHANNELS, `${where} channel`);
  assertText(row['customer'], `${where} customer`);
  assertText(row['reply'], `${where} reply`);
  const iheart = row['iheart'];
  assert.ok(isRow(iheart), `${where} iheart should be an object`);
  assertKeys(iheart, IHEART_STEPS, [], `${where} iheart`);
  for (const step of IHEART_STEPS) assert.equal(typeof iheart[step], 'boolean', `${where} iheart.${step}`);
  const issues = row['issues'];
  assert.ok(Array.isArray(issues), `${where} issues should be an array`);
  for (const code of issues) assertOneOf(code, ISSUE_CODES, `${where} issue`);
  assert.equal(new Set(issues).size, issues.length, `${where} repeats an issue code`);
}

for (const lang of LANGS) {
  describe(`corpus/emotion/${lang}.jsonl`, () => {
    const rows = readJsonl(`emotion/${lang}.jsonl`);

    it('labels every message with a known emotion, sentiment, channel and split', () => {
      rows.forEach((row, i) => {
        const where = `emotion/${lang}.jsonl:${i + 1}`;
        assertKeys(row, ['id', 'text', 'lang', 'emotion', 'sentiment', 'channel', 'split'], [], where);
        assertFreshId(row['id'], lang, 'emo', where);
        assertText(row['text'], `${where} text`);
        assert.equal(row['lang'], lang, `${where} lang`);
        assertOneOf(row['emotion'], EMOTIONS, `${where} emotion`);
        assertOneOf(row['sentiment'], SENTIMENTS, `${where} sentiment`);
        assertOneOf(row['channel'], CHANNELS, `${where} channel`);
        assertOneOf(row['split'], SPLITS, `${where} split`);
      });
    });

    it('holds exactly 60 messages for each of the eight emotions', () => {
      const counts = countBy(rows, (row) => String(row['emotion']));
      for (const emotion of EMOTIONS) assert.equal(counts.get(emotion), 60, `${emotion} count`);
    });

    it('puts exactly every fourth message of each emotion, in file order, in dev', () => {
      const seen = new Map<string, number>();
      for (const row of rows) {
        const emotion = String(row['emotion']);
        const k = (seen.get(emotion) ?? 0) + 1;
        seen.set(emotion, k);
        assert.equal(row['split'], k % 4 === 0 ? 'dev' : 'train', `${String(row['id'])} is the ${k}th ${emotion}`);
      }
    });

    it('never repeats a message text', () => {
      const texts = rows.map((row) => String(row['text']));
      assert.equal(new Set(texts).size, texts.length);
    });
  });

  describe(`corpus/replies/${lang}.jsonl`, () => {
    const rows = readJsonl(`replies/${lang}.jsonl`);

    it('pairs a customer message with an agent reply, six IHEART booleans and known issue codes', () => {
      assert.ok(rows.length >= 110, `${rows.length} replies, expected at least 110`);
      rows.forEach((row, i) => {
        assertReply(row, lang, 'rep', `replies/${lang}.jsonl:${i + 1}`);
      });
    });

    it('puts exactly every third reply in dev', () => {
      rows.forEach((row, i) => assert.equal(row['split'], (i + 1) % 3 === 0 ? 'dev' : 'train', String(row['id'])));
    });

    it('shows every issue code at least 8 times and every IHEART step at least 25 times (identify 15)', () => {
      for (const code of ISSUE_CODES) {
        const n = rows.filter((row) => (row['issues'] as readonly unknown[]).includes(code)).length;
        assert.ok(n >= 8, `${code} appears ${n} times`);
      }
      for (const step of IHEART_STEPS) {
        const n = rows.filter((row) => (row['iheart'] as Row)[step] === true).length;
        // Identify is rarer since the label audit: a situation statement ("that's worrying") is empathy only.
        const min = step === 'identify' ? 15 : 25;
        assert.ok(n >= min, `${step} is true ${n} times, expected at least ${min}`);
      }
    });

    it('mixes clean replies with flawed ones', () => {
      const clean = rows.filter((row) => (row['issues'] as readonly unknown[]).length === 0).length;
      const share = clean / rows.length;
      assert.ok(share > 0.35 && share < 0.7, `${Math.round(share * 100)}% of replies have no issue`);
    });
  });

  describe(`corpus/replies-extra/${lang}.jsonl`, () => {
    const rows = readJsonl(`replies-extra/${lang}.jsonl`);

    it('adds replies in the replies format with ids of their own: train, except the held-out batch in dev', () => {
      assert.ok(rows.length >= 30, `${rows.length} extra replies, expected at least 30`);
      const [from, to] = HELD_OUT_EXTRA[lang];
      rows.forEach((row, i) => {
        const where = `replies-extra/${lang}.jsonl:${i + 1}`;
        assertReply(row, lang, 'rpx', where);
        const n = Number(String(row['id']).slice(-4));
        assert.equal(row['split'], n >= from && n <= to ? 'dev' : 'train', `${where} split`);
      });
    });

    it('never repeats a reply of the main reply file', () => {
      const main = new Set(readJsonl(`replies/${lang}.jsonl`).map((row) => String(row['reply'])));
      for (const row of rows) assert.ok(!main.has(String(row['reply'])), `${String(row['id'])} repeats a reply`);
    });
  });

  describe(`corpus/conversations/${lang}.jsonl`, () => {
    const rows = readJsonl(`conversations/${lang}.jsonl`);

    it('records whole conversations of 4 to 30 timed turns with a plausible outcome', () => {
      assert.ok(rows.length >= 22, `${rows.length} conversations, expected at least 22`);
      rows.forEach((row, i) => {
        const where = `conversations/${lang}.jsonl:${i + 1}`;
        assertKeys(row, ['id', 'lang', 'channel', 'turns', 'outcome'], ['customer_name', 'facts'], where);
        assertFreshId(row['id'], lang, 'conv', where);
        assert.equal(row['lang'], lang, `${where} lang`);
        assertOneOf(row['channel'], CHANNELS, `${where} channel`);
        if ('customer_name' in row) assertText(row['customer_name'], `${where} customer_name`);
        if ('facts' in row) {
          const facts = row['facts'];
          assert.ok(isRow(facts), `${where} facts should be an object`);
          for (const value of Object.values(facts)) assertText(value, `${where} facts value`);
        }
        const turns = row['turns'];
        assert.ok(Array.isArray(turns) && turns.length >= 4 && turns.length <= 30, `${where} turn count`);
        let last = 0;
        turns.forEach((turn: unknown, j) => {
          assert.ok(isRow(turn), `${where} turn ${j} should be an object`);
          assertKeys(turn, ['role', 'text', 't'], [], `${where} turn ${j}`);
          assertOneOf(turn['role'], ROLES, `${where} turn ${j} role`);
          assertText(turn['text'], `${where} turn ${j} text`);
          const t = turn['t'];
          assert.ok(
            typeof t === 'number' && Number.isInteger(t) && t >= last,
            `${where} turn ${j} t goes back in time`,
          );
          last = t;
        });
        assert.ok(
          turns.some((turn: Row) => turn['role'] === 'customer'),
          `${where} has no customer turn`,
        );
        assert.ok(
          turns.some((turn: Row) => turn['role'] === 'agent'),
          `${where} has no agent turn`,
        );
        const outcome = row['outcome'];
        assert.ok(isRow(outcome), `${where} outcome should be an object`);
        assertKeys(outcome, ['csat', 'escalated', 'resolved'], [], `${where} outcome`);
        const csat = outcome['csat'];
        assert.ok(typeof csat === 'number' && Number.isInteger(csat) && csat >= 1 && csat <= 5, `${where} csat`);
        assert.equal(typeof outcome['escalated'], 'boolean', `${where} escalated`);
        assert.equal(typeof outcome['resolved'], 'boolean', `${where} resolved`);
      });
    });

    it('covers every channel and every CSAT score, with escalations among them', () => {
      const channels = new Set(rows.map((row) => row['channel']));
      for (const channel of CHANNELS) assert.ok(channels.has(channel), `no ${channel} conversation`);
      const scores = new Set(rows.map((row) => (row['outcome'] as Row)['csat']));
      for (const score of [1, 2, 3, 4, 5]) assert.ok(scores.has(score), `no conversation rated ${score}`);
      const escalated = rows.filter((row) => (row['outcome'] as Row)['escalated'] === true).length;
      assert.ok(escalated >= 4, `${escalated} escalated conversations`);
    });
  });

  describe(`corpus/escalation/${lang}.jsonl`, () => {
    const rows = readJsonl(`escalation/${lang}.jsonl`);

    it('holds 60 messages rated low, medium or high, about a third each', () => {
      assert.equal(rows.length, 60);
      rows.forEach((row, i) => {
        const where = `escalation/${lang}.jsonl:${i + 1}`;
        assertKeys(row, ['id', 'text', 'lang', 'escalation_risk'], [], where);
        assertFreshId(row['id'], lang, 'esc', where);
        assertText(row['text'], `${where} text`);
        assert.equal(row['lang'], lang, `${where} lang`);
        assertOneOf(row['escalation_risk'], RISKS, `${where} escalation_risk`);
      });
      const counts = countBy(rows, (row) => String(row['escalation_risk']));
      for (const risk of RISKS) {
        const n = counts.get(risk) ?? 0;
        assert.ok(n >= 15 && n <= 25, `${risk}: ${n}`);
      }
    });
  });
}
