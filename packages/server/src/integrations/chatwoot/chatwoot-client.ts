/**
 * Optional write-back to Chatwoot through its application API (header `api_access_token`): a private note
 * when escalation risk turns high, labels, and conversation custom attributes with emotion and score.
 */
export interface ChatwootConnection {
  readonly baseUrl: string;
  readonly accountId: string;
  readonly apiAccessToken: string;
}

/** Reads a connection from an inbox's settings; null when write-back is not configured. */
export function chatwootConnectionOf(settings: unknown): ChatwootConnection | null {
  const s = (settings ?? {}) as Record<string, unknown>;
  const { baseUrl, accountId, apiAccessToken, writeBack } = s;
  if (writeBack !== true || typeof baseUrl !== 'string' || typeof apiAccessToken !== 'string') return null;
  if (typeof accountId !== 'string' && typeof accountId !== 'number') return null;
  return { baseUrl: baseUrl.replace(/\/+$/, ''), accountId: String(accountId), apiAccessToken };
}

/** The content attribute that marks a Chatwoot message as one Attune posted (its Attune message id). */
export const attuneMessageIdAttribute = 'attune_message_id';

export class ChatwootClient {
  readonly #c: ChatwootConnection;
  readonly #fetch: typeof fetch;

  constructor(connection: ChatwootConnection, fetchImpl: typeof fetch = fetch) {
    this.#c = connection;
    this.#fetch = fetchImpl;
  }

  async #post(path: string, body: unknown): Promise<void> {
    const url = `${this.#c.baseUrl}/api/v1/accounts/${encodeURIComponent(this.#c.accountId)}/conversations/${path}`;
    const response = await this.#fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', api_access_token: this.#c.apiAccessToken },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`Chatwoot ${path} answered ${response.status}`);
  }

  privateNote(conversationId: string, content: string): Promise<void> {
    return this.#post(`${encodeURIComponent(conversationId)}/messages`, {
      content,
      message_type: 'outgoing',
      private: true,
    });
  }

  /**
   * Posts an agent's reply to the customer. `attuneMessageId` goes into the message's content attributes, so the
   * message_created webhook Chatwoot sends back for it is recognised as Attune's own and not stored twice.
   */
  reply(conversationId: string, content: string, attuneMessageId: string): Promise<void> {
    return this.#post(`${encodeURIComponent(conversationId)}/messages`, {
      content,
      message_type: 'outgoing',
      private: false,
      content_attributes: { [attuneMessageIdAttribute]: attuneMessageId },
    });
  }

  /** Replaces the conversation's labels (Chatwoot's endpoint sets the full list). */
  setLabels(conversationId: string, labels: readonly string[]): Promise<void> {
    return this.#post(`${encodeURIComponent(conversationId)}/labels`, { labels });
  }

  setCustomAttributes(
    conversationId: string,
    attributes: Readonly<Record<string, string | number | boolean>>,
  ): Promise<void> {
    return this.#post(`${encodeURIComponent(conversationId)}/custom_attributes`, { custom_attributes: attributes });
  }
}

/** The Chatwoot display id from our namespaced external id (`<account>:<display id>`). */
export function chatwootDisplayId(externalId: string): string {
  return externalId.slice(externalId.indexOf(':') + 1);
}
