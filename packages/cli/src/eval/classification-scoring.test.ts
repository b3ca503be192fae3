import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LABEL_SCHEMES } from '@attune/engine';
import { goldLabels, predictMulti, predictSingle, schemeClasses } from './classification-scoring.ts';

describe('schemeClasses', () => {
  it("lists the classes a scheme can produce in the model's order", () => {
    assert.deepEqual(schemeClasses(LABEL_SCHEMES.binary), ['negative', 'positive']);
    assert.deepEqual(schemeClasses(LABEL_SCHEMES.cedr), ['anger', 'fear', 'joy', 'sadness', 'surprise', 'neutral']);
    assert.deepEqual(schemeClasses(LABEL_SCHEMES['smp2020-attune']), ['anger', 'anxiety', 'sadness', 'joy', 'neutral']);
  });
});

describe('goldLabels', () => {
  const source = { taskField: 'emotion' };

  it("reads Attune's own single-label field when it holds a string", () => {
    assert.deepEqual(goldLabels({ text: 'x', emotion: 'anger' }, LABEL_SCHEMES.attune, source), {
      kind: 'labels',
      labels: ['anger'],
    });
  });

  it("falls back to a dataset's labels array and maps it through the scheme", () => {
    const r = goldLabels({ text: 'x', labels: ['annoyance', 'anger'] }, LABEL_SCHEMES['goemotions-ekman'], source);
    assert.deepEqual(r, { kind: 'labels', labels: ['anger'] });
  });

  it("is not misled by GoEmotions' derived sentiment arrays", () => {
    const example = { text: 'x', labels: ['joy'], sentiment: ['positive'] };
    const r = goldLabels(example, LABEL_SCHEMES['goemotions-sentiment'], { taskField: 'sentiment' });
    assert.deepEqual(r, { kind: 'labels', labels: ['positive'] });
  });

  it('reads the field named by --label-field', () => {
    const r = goldLabels({ text: 'x', labels: ['joy'], ekman: ['joy'] }, LABEL_SCHEMES.smp2020, {
      ...source,
      labelField: 'mood',
    });
    assert.deepEqual(r, { kind: 'issue', issue: { code: 'missing_field', field: 'mood' } });
  });

  it('marks an example whose labels have no counterpart in the target space as unmapped', () => {
    assert.deepEqual(goldLabels({ labels: ['surprise'] }, LABEL_SCHEMES['smp2020-attune'], source), {
      kind: 'unmapped',
    });
  });

  it('reports labels the scheme does not know, suggesting a wrong scheme', () => {
    assert.deepEqual(goldLabels({ labels: ['happy'] }, LABEL_SCHEMES.cedr, source), {
      kind: 'issue',
      issue: { code: 'unknown_label', labels: ['happy'], scheme: 'cedr' },
    });
  });

  it('reports two labels under a single-label scheme', () => {
    const r = goldLabels({ labels: ['anger', 'joy'] }, LABEL_SCHEMES.attune, source);
    assert.equal(r.kind === 'issue' ? r.issue.code : r.kind, 'several_labels');
  });

  it('reports labels that are neither a string nor a list of strings', () => {
    assert.deepEqual(goldLabels({ labels: [1] }, LABEL_SCHEMES.attune, source), {
      kind: 'issue',
      issue: { code: 'not_a_string', field: 'labels', received: 'array' },
    });
  });
});

describe('predictSingle and predictMulti', () => {
  const probs = { negative: 0.3, neutral: 0.45, positive: 0.25 };

  it('chooses only among the classes given, so a binary scheme never predicts neutral', () => {
    assert.equal(predictSingle(probs, ['negative', 'neutral', 'positive']), 'neutral');
    assert.equal(predictSingle(probs, ['negative', 'positive']), 'negative');
  });

  it('predicts every class at or above its threshold', () => {
    const p = { anger: 0.6, joy: 0.2, neutral: 0.3 };
    assert.deepEqual(predictMulti(p, ['anger', 'joy', 'neutral'], { anger: 0.5, joy: 0.1, neutral: 0.5 }), [
      'anger',
      'joy',
    ]);
    assert.deepEqual(predictMulti(p, ['anger', 'joy', 'neutral'], { anger: 0.6, joy: 0.5, neutral: 0.5 }), ['anger']);
  });

  it('falls back to the most probable class when none reaches its threshold', () => {
    assert.deepEqual(predictMulti({ anger: 0.2, joy: 0.3 }, ['anger', 'joy'], { anger: 0.5, joy: 0.5 }), ['joy']);
  });

  it('refuses an empty class list', () => {
    assert.throws(() => predictSingle(probs, []), /no classes/);
  });
});
