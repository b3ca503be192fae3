import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageAnalysis } from '../analyze/message-analysis.ts';
import { storedAnalysis } from './analysis-fixture.test-support.ts';
import { assistSnapshot } from './assist-snapshot.ts';
import { createConversationAnalyzer } from './conversation-analyzer.ts';
import { parseConversation } from './parse-conversation.ts';

describe('assistSnapshot', () => {
  const parsed = parseConversation({
    channel: 'chat',
    turns: [
      { role: 'customer', text: 'This is the third time I write!!! I want a manager now.', at: 0 },
      { role: 'agent', text: "I'm so sorry for the trouble, I understand how frustrating this is.", at: 30_000 },
    ],
  });
  assert.ok(parsed.ok);
  const analysis = createConversationAnalyzer({}).analyze(
    parsed.value,
    new Map<number, MessageAnalysis>([[0, storedAnalysis('anger', 0.9)]]),
  );

  it('carries the risk with its reason codes and the turn each came from', () => {
    const snapshot = assistSnapshot(analysis, 'server');
    assert.equal(snapshot.riskLevel, analysis.escalation.level);
    assert.ok(
      snapshot.reasons.some((r) => r.code === 'manager_demand'),
      JSON.stringify(snapshot.reasons),
    );
    assert.ok(snapshot.reasons.every((r) => r.params?.['turnIndex'] === 0));
  });

  it('lists the IHEART evidence per step and says where it was computed', () => {
    const snapshot = assistSnapshot(analysis, 'browser');
    const steps = snapshot.detail['steps'] as Record<string, { turnIndex: number }[]>;
    assert.ok((steps['apologize'] ?? []).some((e) => e.turnIndex === 1));
    assert.equal(snapshot.detail['computedIn'], 'browser');
  });
});
