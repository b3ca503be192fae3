import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { replyStatusKey } from './reply-delivery.ts';

describe('replyStatusKey', () => {
  it('says the reply was sent when Chatwoot took it or the inbox delivers replies itself', () => {
    assert.equal(replyStatusKey({ chatwoot: { delivered: true } }), 'composer.sent');
    assert.equal(replyStatusKey({ chatwoot: null }), 'composer.sent');
    assert.equal(replyStatusKey({}), 'composer.sent');
  });

  it('warns that the customer has not received a reply Chatwoot refused', () => {
    assert.equal(replyStatusKey({ chatwoot: { delivered: false } }), 'composer.sentNotDelivered');
  });
});
