import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReply, stepsPerformed } from './reply-reading.ts';
import { labelProbabilities, loadReplyLabelModel, modelFeatures, ngramFeatures } from './reply-label-model.ts';
import { MODEL_STEPS, shippedReplyStepModel } from './reply-step-model.ts';

describe('the learned reply-step model beside the patterns', () => {
  it('withdraws a resolution the patterns credited to a vague hand-off', () => {
    // A training reply (corpus/replies-extra): "we'll pass it on" reads as a commitment, but nothing is resolved.
    const reply = "So sorry to hear that! We'll pass your feedback on to our quality team.";
    const r = readReply(reply, {
      lang: 'en',
      customerText: '@FreshBox half the veg in my box was rotten AGAIN. last week too',
    });
    assert.ok(r.patternSteps.resolve.length > 0, 'the patterns read a commitment');
    assert.equal(r.steps.resolve.length, 0);
    assert.ok((r.stepProbabilities?.resolve ?? 1) < shippedReplyStepModel().veto);
  });

  it('withdraws hear from a status line that only echoes the claim number', () => {
    const r = readReply('Hello, your claim HC-30214 is under review. We will be in touch.', {
      lang: 'en',
      customerText:
        'I submitted photos of the storm damage to my fence two weeks ago (claim HC-30214) and heard nothing.',
    });
    assert.ok(r.patternSteps.hear.length > 0);
    assert.equal(r.steps.hear.length, 0);
  });

  it('credits a step the patterns missed with the sentence that weighs most for it as evidence', () => {
    // A training reply (corpus/replies-extra): its care for the child ("希望孩子快点退烧") is empathy no pattern names.
    const reply =
      '孩子烧到39度还等了一个小时药，您现在一定急坏了，真的对不起。我们已经联系上骑手，药离您家还有1.2公里，预计8分钟送到；超过10分钟的话，我们会另派骑手从最近的24小时药店重新送。希望孩子快点退烧。';
    const r = readReply(reply, { lang: 'zh' });
    assert.equal(r.patternSteps.empathize.length, 0);
    const added = r.steps.empathize[0];
    assert.equal(added?.cue, 'model');
    assert.equal(reply.slice(added.span.start, added.span.end), added.span.text);
  });

  it('never credits hear on its own: restating needs the customer message, which it does not read', () => {
    // A training reply (corpus/replies): it escalates the fault but neither restates it nor asks about it.
    const reply = '明白您的心情，每一小时对店铺都很重要。我已经按最高优先级升级给值班工程师，今天下午3点前给您进展。';
    const r = readReply(reply, { lang: 'zh', customerText: '今天必须修好，每个小时都在掉单' });
    assert.ok((r.stepProbabilities?.hear ?? 0) > shippedReplyStepModel().add, 'the model would say hear');
    assert.equal(r.steps.hear.length, 0);
  });

  it('adds nothing to a one-sentence draft, where it has not learnt to judge', () => {
    // The model alone would credit resolve to this statement, which does nothing: the one-sentence rule stops it.
    const statement = readReply('There are no faults reported on our network in your area.', { lang: 'en' });
    assert.ok((statement.stepProbabilities?.resolve ?? 0) > shippedReplyStepModel().add);
    assert.equal(statement.patternSteps.resolve.length, 0);
    assert.equal(statement.steps.resolve.length, 0);
    for (const [draft, lang] of [
      ['Oh no, that sounds really annoying.', 'en'],
      ['需要明天给您送过去吗？', 'zh'],
      ['There are no faults reported on our network in your area.', 'en'],
      ['Добрый день!', 'ru'],
    ] as const) {
      const r = readReply(draft, { lang });
      assert.ok(
        stepsPerformed(r).every((s) => r.steps[s].every((e) => e.cue !== 'model')),
        draft,
      );
    }
  });

  it('reads by the patterns alone when asked, with no probabilities', () => {
    const r = readReply("Don't worry, these things happen. Please try again later.", { lang: 'en', stepModel: null });
    assert.ok(r.patternSteps.resolve.length > 0);
    assert.equal(r.stepProbabilities, undefined);
    assert.deepEqual(r.steps, r.patternSteps);
  });

  it('ships a model for every language, and is deterministic', () => {
    const model = shippedReplyStepModel();
    for (const lang of ['en', 'zh', 'ru'] as const) assert.ok(model.languages[lang].index.size > 500, lang);
    const a = labelProbabilities(model, 'zh', '我已经为您补发，明天送到。');
    assert.deepEqual(a, labelProbabilities(model, 'zh', '我已经为您补发，明天送到。'));
    assert.deepEqual(Object.keys(a), [...MODEL_STEPS]);
  });

  it('reads the customer message too, marked apart, only for a model that takes it', () => {
    assert.deepEqual(modelFeatures('reply', 'en', 'ok', 'hello'), ['ok']);
    assert.deepEqual(modelFeatures('reply-and-customer', 'en', 'ok', 'hello'), ['ok', 'c:hello', 'c:hello~']);
  });

  it('reads features the same way in training and reading: words, bigrams and stems; Han 1-3-grams', () => {
    assert.deepEqual(ngramFeatures('I refunded it', 'en').sort(), [
      'i',
      'i refunded',
      'it',
      'refunded',
      'refunded it',
      'refun~',
    ]);
    assert.deepEqual(ngramFeatures('已 退', 'zh').sort(), ['已', '已退', '退']);
    // An emoji is one character: no feature holds half of a surrogate pair.
    assert.ok(ngramFeatures('好😀', 'zh').includes('😀'));
    assert.ok(ngramFeatures('好😀', 'zh').every((f) => !/\p{Surrogate}/u.test(f)));
  });

  it('rejects a malformed model file with a message that says what is wrong', () => {
    assert.throws(
      () => loadReplyLabelModel({ format: 'attune-reply-labels' }, MODEL_STEPS),
      /reply model: formatVersion/,
    );
    const file = structuredClone(shippedReplyStepModel().file);
    file.languages.en.weights.pop();
    assert.throws(() => loadReplyLabelModel(file, MODEL_STEPS), /one value per feature and label/);
    const steps = structuredClone(shippedReplyStepModel().file);
    assert.throws(
      () => loadReplyLabelModel(steps, ['no_expectation']),
      /labels are identify, hear, empathize, resolve/,
    );
  });
});
