/**
 * An agent's reply written in Attune to a conversation that came from Chatwoot is also posted to Chatwoot, so it
 * reaches the customer. Only for inboxes with write-back configured; other inboxes deliver replies themselves.
 */
import { ChatwootClient, chatwootConnectionOf, chatwootDisplayId } from './chatwoot-client.ts';

/** What happened to the reply in Chatwoot; `error` says why it was not delivered. */
export type ChatwootDelivery = { readonly delivered: true } | { readonly delivered: false; readonly error: string };

/**
 * Posts the reply to the Chatwoot conversation; null when the inbox is not a Chatwoot inbox with write-back.
 * A failure is a value (the reply is already stored in Attune; the agent is told it did not reach Chatwoot).
 */
export async function postReplyToChatwoot(
  inbox: { readonly channel: string; readonly settings: unknown },
  conversationExternalId: string,
  message: { readonly id: string; readonly text: string },
  fetchImpl: typeof fetch = fetch,
): Promise<ChatwootDelivery | null> {
  if (inbox.channel !== 'chatwoot') return null;
  const connection = chatwootConnectionOf(inbox.settings);
  if (connection === null) return null;
  try {
    await new ChatwootClient(connection, fetchImpl).reply(
      chatwootDisplayId(conversationExternalId),
      message.text,
      message.id,
    );
    return { delivered: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`attune: reply ${message.id} not posted to Chatwoot: ${reason}`);
    return { delivered: false, error: reason };
  }
}
