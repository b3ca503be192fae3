/** The server's answer to a sent reply, as far as the composer needs it. */
export interface SentReply {
  /** Null for inboxes that deliver replies themselves; set when the reply was also posted to Chatwoot. */
  readonly chatwoot?: { readonly delivered: boolean } | null;
}

/**
 * What the composer says after a reply was stored: sent, or stored but not delivered to the customer (Chatwoot
 * refused it), which the agent must know because the customer is still waiting.
 */
export function replyStatusKey(sent: SentReply): 'composer.sent' | 'composer.sentNotDelivered' {
  return sent.chatwoot?.delivered === false ? 'composer.sentNotDelivered' : 'composer.sent';
}
