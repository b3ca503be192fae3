import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { languageTag, probability, type Cue, type MessageAnalysis } from '@attune/engine';
import { createPalette } from '../output/palette.ts';
import { displayWidth } from '../output/display-width.ts';
import { highlightSpans, renderDemoTable, topCues } from './render-demo-table.ts';

const TEXT = 'This is the THIRD time!!! Where is my refund?';
const cue = (kind: Cue['kind'], text: string, weight: number, emotion?: Cue['emotion']): Cue => {
  const start = TEXT.indexOf(text);
  return { kind, start, end: start + text.length, text, weight, ...(emotion !== undefined ? { emotion } : {}) };
};
const CUES = [
  cue('caps', 'THIRD', 0.9),
  cue('exclamation', '!!!', 1.2),
  cue('lexicon', 'refund', 0.3),
  cue('question', '?', 0.1),
];

const p = (x: number) => probability(x);
const ANALYSIS: MessageAnalysis = {
  lang: { tag: languageTag('en'), confidence: p(0.99), source: 'detected' },
  emotions: {
    probs: {
      anger: p(0.4),
      frustration: p(0.8),
      anxiety: p(0.1),
      sadness: p(0.05),
      confusion: p(0.1),
      gratitude: p(0),
      joy: p(0),
      neutral: p(0.05),
    },
    dominant: 'frustration',
    intensity: 0.78,
  },
  ekman: {
    probs: {
      anger: p(0.8),
      disgust: p(0.1),
      fear: p(0.1),
      joy: p(0),
      sadness: p(0.1),
      surprise: p(0.1),
      neutral: p(0.05),
    },
    dominant: 'anger',
  },
  sentiment: { probs: { negative: p(0.9), neutral: p(0.08), positive: p(0.02) }, label: 'negative', valence: -0.88 },
  cues: CUES,
  model: { id: 'test', version: '0' },
};

describe('topCues', () => {
  it('keeps the strongest cues by absolute weight, in text order', () => {
    assert.deepEqual(
      topCues(CUES).map((c) => c.text),
      ['THIRD', '!!!', 'refund'],
    );
  });

  it('leaves out a cue overlapping a stronger one', () => {
    const overlapping = [cue('caps', 'THIRD', 0.9), cue('lexicon', 'THIRD time', 0.5)];
    assert.deepEqual(
      topCues(overlapping).map((c) => c.text),
      ['THIRD'],
    );
  });
});

describe('highlightSpans', () => {
  it('paints cue spans and nothing else', () => {
    const out = highlightSpans(TEXT, [cue('caps', 'THIRD', 1)], 80, (s) => `<${s}>`);
    assert.equal(out, 'This is the <THIRD> time!!! Where is my refund?');
  });

  it('cuts to the width with an ellipsis, closing any paint it opened', () => {
    const out = highlightSpans(TEXT, [cue('caps', 'THIRD', 1)], 15, (s) => `<${s}>`);
    assert.equal(out, 'This is the <TH>…');
  });
});

describe('renderDemoTable', () => {
  it('shows language, dominant emotion, intensity, sentiment, the message and its top cues, without colour', () => {
    const out = renderDemoTable([{ text: TEXT, analysis: ANALYSIS }], { palette: createPalette(false), width: 120 });
    const [header, row, cues] = out.split('\n');
    assert.match(header ?? '', /^#\s+lang\s+emotion\s+intensity\s+sentiment\s+message$/);
    assert.match(
      row ?? '',
      /^1\s+en\s+frustration\s+▮▮▮▮▯ 0\.78\s+negative\s+This is the THIRD time!!! Where is my refund\?$/,
    );
    assert.match(cues ?? '', /cues: "THIRD" caps · "!!!" exclamation · "refund"$/);
    assert.ok(!out.includes('\x1b'), 'no escape codes');
  });

  it('colours emotion, sentiment and cues when colour is on', () => {
    const out = renderDemoTable([{ text: TEXT, analysis: ANALYSIS }], { palette: createPalette(true), width: 120 });
    assert.ok(out.includes('\x1b[31mnegative'), 'negative sentiment is red');
    assert.ok(out.includes('\x1b[1m\x1b[33mTHIRD'), 'cue is bold yellow');
  });

  it('keeps every line within the width it is given', () => {
    const long = { text: `${TEXT} ${'and more words '.repeat(20)}`, analysis: ANALYSIS };
    const out = renderDemoTable([long], { palette: createPalette(false), width: 90 });
    for (const line of out.trimEnd().split('\n')) assert.ok(displayWidth(line) <= 90, `too wide: ${line}`);
  });
});
