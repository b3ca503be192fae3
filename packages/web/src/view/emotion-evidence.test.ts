import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMOTIONS, probability, type Cue, type Emotion, type MessageAnalysis } from '@attune/engine';
import { emotionChips } from './emotion-evidence.ts';

function analysis(probs: Partial<Record<Emotion, number>>, dominant: Emotion, cues: Cue[]): MessageAnalysis {
  const all = Object.fromEntries(EMOTIONS.map((e) => [e, probability(probs[e] ?? 0.01)])) as Record<
    Emotion,
    ReturnType<typeof probability>
  >;
  return {
    lang: { tag: 'en' as never, confidence: probability(1), source: 'given' },
    emotions: { probs: all, dominant, intensity: 0.8 },
    ekman: { probs: {} as never, dominant: 'anger' },
    sentiment: { probs: {} as never, label: 'negative', valence: -0.8 },
    cues,
    model: { id: 't', version: '1' },
  };
}

const text = 'This is RIDICULOUS, I am furious and a bit worried!!!';
const cue = (kind: Cue['kind'], word: string, extra: Partial<Cue> = {}): Cue => {
  const start = text.indexOf(word);
  return { kind, start, end: start + word.length, text: word, weight: 1, ...extra };
};

describe('emotionChips', () => {
  const cues = [
    cue('caps', 'RIDICULOUS'),
    cue('lexicon', 'furious', { emotion: 'anger', sentiment: 'negative' }),
    cue('lexicon', 'worried', { emotion: 'anxiety', sentiment: 'negative' }),
    cue('diminisher', 'a bit', { weight: 0.5, sentiment: 'positive' }),
    cue('exclamation', '!!!'),
  ];

  it('puts the dominant emotion first with its own words and the shouting as evidence', () => {
    const chips = emotionChips(analysis({ anger: 0.9, anxiety: 0.5 }, 'anger', cues));
    assert.equal(chips[0]?.emotion, 'anger');
    assert.equal(chips[0]?.dominant, true);
    assert.deepEqual(chips[0]?.cueIndices, [0, 1, 4]);
  });

  it('adds a fairly likely second emotion with only the words that point to it', () => {
    const chips = emotionChips(analysis({ anger: 0.9, anxiety: 0.5 }, 'anger', cues));
    assert.equal(chips[1]?.emotion, 'anxiety');
    assert.deepEqual(chips[1]?.cueIndices, [2]);
  });

  it('leaves out unlikely emotions and never shows more than three chips', () => {
    const chips = emotionChips(
      analysis({ anger: 0.9, anxiety: 0.5, frustration: 0.6, sadness: 0.4, confusion: 0.2 }, 'anger', cues),
    );
    assert.deepEqual(
      chips.map((c) => c.emotion),
      ['anger', 'frustration', 'anxiety'],
    );
  });

  it('gives a calm message a single neutral chip with no highlighted words', () => {
    const chips = emotionChips(analysis({ neutral: 0.9 }, 'neutral', [cue('exclamation', '!!!')]));
    assert.deepEqual(chips, [{ emotion: 'neutral', probability: 0.9, dominant: true, cueIndices: [] }]);
  });
});
