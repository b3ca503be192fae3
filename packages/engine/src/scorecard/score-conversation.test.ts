import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageAnalysis } from '../analyze/message-analysis.ts';
import { storedAnalysis } from '../conversation/analysis-fixture.test-support.ts';
import { createConversationAnalyzer } from '../conversation/conversation-analyzer.ts';
import { parseConversation } from '../conversation/parse-conversation.ts';
import { DEFAULT_RUBRIC } from './default-rubric.ts';
import { parseRubric, RUBRIC_SCHEMA } from './rubric.ts';
import { scoreConversation } from './score-conversation.ts';

const analyzer = createConversationAnalyzer({});

function analyse(input: unknown, stored: [number, MessageAnalysis][]) {
  const r = parseConversation(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return analyzer.analyze(r.value, new Map(stored));
}

const good = analyse(
  {
    channel: 'chat',
    customer: { name: 'Maria' },
    turns: [
      { role: 'customer', text: 'My order #B-20931 arrived damaged and I am really upset.' },
      {
        role: 'agent',
        text: "Maria, I'm so sorry, I can see how upsetting this is. Just to confirm, the mug in order #B-20931 arrived broken? Because the box was crushed in transit, I've sent a replacement; it will arrive by Friday. Did that solve it?",
      },
      { role: 'customer', text: 'Yes, perfect, thank you!' },
      { role: 'agent', text: 'Thank you for your patience, Maria. Enjoy your new mug!' },
    ],
  },
  [
    [0, storedAnalysis('sadness', 0.7)],
    [2, storedAnalysis('gratitude', 0.9)],
  ],
);

const bad = analyse(
  {
    channel: 'chat',
    turns: [
      { role: 'customer', text: 'My order arrived damaged and I am really upset.' },
      { role: 'agent', text: 'You should have chosen express shipping. We apologize for any inconvenience.' },
    ],
  },
  [[0, storedAnalysis('sadness', 0.7)]],
);

describe('scoreConversation with the default rubric', () => {
  it('scores a conversation that follows IHEART near the top, with evidence for each pass', () => {
    const card = scoreConversation(good, DEFAULT_RUBRIC);
    assert.ok(card.score !== null && card.score >= 85, String(card.score));
    const apology = card.criteria.find((c) => c.id === 'apologize_when_due');
    assert.equal(apology?.status, 'pass');
    assert.equal(apology?.evidence[0]?.turnIndex, 1);
    assert.equal(card.rubric.id, 'attune-default');
  });

  it('fails the whole conversation when the agent blames the customer', () => {
    const card = scoreConversation(bad, DEFAULT_RUBRIC);
    assert.equal(card.score, 0);
    assert.deepEqual(card.autoFailed, ['no_blame_or_arguing']);
    const blame = card.criteria.find((c) => c.id === 'no_blame_or_arguing');
    assert.equal(blame?.evidence[0]?.code, 'blame');
  });

  it('marks the apology criterion not applicable when nothing went wrong on our side', () => {
    const calm = analyse(
      {
        channel: 'chat',
        turns: [
          { role: 'customer', text: 'How do I change my delivery address?' },
          { role: 'agent', text: 'Go to Orders and tap Change address. Did that help?' },
        ],
      },
      [[0, storedAnalysis('confusion', 0.6)]],
    );
    const card = scoreConversation(calm, DEFAULT_RUBRIC);
    assert.equal(card.criteria.find((c) => c.id === 'apologize_when_due')?.status, 'not_applicable');
    assert.equal(card.criteria.find((c) => c.id === 'identify_emotion')?.status, 'not_applicable');
  });

  it('gives the same scorecard for the same input', () => {
    assert.deepEqual(scoreConversation(good, DEFAULT_RUBRIC), scoreConversation(good, DEFAULT_RUBRIC));
  });

  it('gives no score, rather than a wrong one, when no criterion applies', () => {
    const onlyCustomer = analyse({ channel: 'email', turns: [{ role: 'customer', text: 'Hello?' }] }, [
      [0, storedAnalysis('neutral', 0.6)],
    ]);
    const card = scoreConversation(onlyCustomer, DEFAULT_RUBRIC);
    assert.equal(card.score, null);
  });

  it('carries the validation notes so a re-sorted conversation is never scored silently', () => {
    const r = analyse(
      {
        turns: [
          { role: 'agent', text: 'Hello!', at: 2000 },
          { role: 'customer', text: 'Hi', at: 1000 },
        ],
      },
      [[1, storedAnalysis('neutral', 0.6)]],
    );
    assert.equal(scoreConversation(r, DEFAULT_RUBRIC).notes[0]?.code, 'turns_reordered');
  });
});

describe('parseRubric', () => {
  it('accepts a minimal custom rubric and fills in defaults', () => {
    const r = parseRubric({
      schema: RUBRIC_SCHEMA,
      id: 'mine',
      version: '0.1.0',
      criteria: [{ id: 'thanks', group: 'iheart', weight: 1, check: { kind: 'step', step: 'thank' } }],
    });
    assert.ok(r.ok);
    assert.deepEqual(r.value.criteria[0]?.when, []);
    assert.equal(r.value.criteria[0]?.autoFail, false);
  });

  it('rejects duplicate ids, unknown steps and a missing version as values', () => {
    const dup = parseRubric({
      schema: RUBRIC_SCHEMA,
      id: 'x',
      version: '1.0.0',
      criteria: [
        { id: 'a', group: 'g', weight: 1, check: { kind: 'step', step: 'thank' } },
        { id: 'a', group: 'g', weight: 1, check: { kind: 'step', step: 'thank' } },
      ],
    });
    assert.ok(!dup.ok);
    assert.match(String(dup.issues[0]?.params.detail), /duplicate criterion id "a"/);
    assert.ok(
      !parseRubric({
        schema: RUBRIC_SCHEMA,
        id: 'x',
        version: '1.0.0',
        criteria: [{ id: 'a', group: 'g', weight: 1, check: { kind: 'step', step: 'smile' } }],
      }).ok,
    );
    assert.ok(!parseRubric({ schema: RUBRIC_SCHEMA, id: 'x', criteria: [] }).ok);
  });

  it('lets a rubric restrict a criterion to a channel', () => {
    const r = parseRubric({
      schema: RUBRIC_SCHEMA,
      id: 'phone-only',
      version: '1.0.0',
      criteria: [
        {
          id: 'greet',
          group: 'q',
          weight: 1,
          when: [{ fact: 'channel', in: ['phone'] }],
          check: { kind: 'question', question: 'opening' },
        },
      ],
    });
    assert.ok(r.ok);
    assert.equal(scoreConversation(good, r.value).criteria[0]?.status, 'not_applicable');
  });
});
