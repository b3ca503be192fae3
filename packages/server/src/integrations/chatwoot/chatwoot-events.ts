/**
 * Chatwoot's webhook payloads (account webhooks), read leniently: only the fields Attune maps are checked,
 * everything else Chatwoot sends is ignored. Shapes follow Chatwoot's `webhook_data` / `push_event_data`:
 * message events carry the message at the top level with `conversation`, `sender`, `account`, `inbox`;
 * conversation events carry the conversation at the top level (`id` is the display id) with `messages` and `meta`.
 */
import { z } from 'zod';
import type { MessageRole } from '../../store/ingest-repository.ts';
import { attuneMessageIdAttribute } from './chatwoot-client.ts';

const idLike = z.union([z.number().int(), z.string().min(1).max(100)]).transform(String);
const account = z.object({ id: idLike }).loose();
const sender = z
  .object({
    id: idLike.optional(),
    name: z.string().max(500).nullish(),
    email: z.string().max(500).nullish(),
    type: z.string().max(50).optional(),
  })
  .loose();
/** Message type: a string in message webhooks, an integer inside a conversation's `messages`. */
const messageType = z.union([z.enum(['incoming', 'outgoing', 'activity', 'template']), z.number().int().min(0).max(3)]);
const createdAt = z.union([z.number(), z.string().max(100)]).optional();

const embeddedMessage = z
  .object({
    id: idLike,
    content: z.string().max(100_000).nullish(),
    message_type: messageType,
    private: z.boolean().optional(),
    created_at: createdAt,
    sender: sender.nullish(),
    content_attributes: z.unknown().optional(),
  })
  .loose();

const conversationCore = z
  .object({
    id: idLike,
    status: z.string().max(50).optional(),
    meta: z.object({ sender: sender.nullish() }).loose().optional(),
    messages: z.array(embeddedMessage).max(1000).optional(),
  })
  .loose();

export const chatwootEvent = z.discriminatedUnion('event', [
  z
    .object({
      event: z.enum(['message_created', 'message_updated']),
      id: idLike,
      content: z.string().max(100_000).nullish(),
      message_type: messageType,
      private: z.boolean().optional(),
      created_at: createdAt,
      content_attributes: z.unknown().optional(),
      account,
      conversation: conversationCore,
      sender: sender.nullish(),
    })
    .loose(),
  conversationCore.extend({
    event: z.enum(['conversation_created', 'conversation_updated', 'conversation_status_changed']),
    account: account.optional(),
  }),
]);

export type ChatwootEvent = z.infer<typeof chatwootEvent>;

/** A Chatwoot message as Attune will ingest it, or null for activity messages (status changes, assignments). */
export interface MappedChatwootMessage {
  readonly conversationExternalId: string;
  readonly externalId: string;
  readonly role: MessageRole;
  readonly text: string;
  readonly sentAt: Date | undefined;
  readonly contact: { readonly externalId: string; readonly name?: string; readonly email?: string } | undefined;
}

function roleOf(type: z.infer<typeof messageType>, isPrivate: boolean | undefined): MessageRole | null {
  const name = typeof type === 'number' ? (['incoming', 'outgoing', 'activity', 'template'] as const)[type] : type;
  if (name === 'activity' || name === undefined) return null;
  if (isPrivate === true) return 'note';
  return name === 'incoming' ? 'customer' : 'agent';
}

function dateOf(value: number | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function contactOf(s: z.infer<typeof sender> | null | undefined) {
  if (s === null || s === undefined || s.id === undefined || (s.type !== undefined && s.type !== 'contact'))
    return undefined;
  return {
    externalId: s.id,
    ...(s.name === null || s.name === undefined ? {} : { name: s.name }),
    ...(s.email === null || s.email === undefined ? {} : { email: s.email }),
  };
}

/** Ids are namespaced by Chatwoot account so one Attune inbox can serve several accounts. */
function ns(accountId: string | undefined, id: string): string {
  return `${accountId ?? '0'}:${id}`;
}

/** Whether Attune itself posted this message (a reply sent from Attune, echoed back by Chatwoot's webhook). */
function postedByAttune(message: { readonly content_attributes?: unknown }): boolean {
  const attributes = message.content_attributes;
  if (typeof attributes !== 'object' || attributes === null) return false;
  return typeof (attributes as Record<string, unknown>)[attuneMessageIdAttribute] === 'string';
}

export function mapChatwootMessages(event: ChatwootEvent): MappedChatwootMessage[] {
  if (event.event === 'message_created' || event.event === 'message_updated') {
    if (postedByAttune(event)) return [];
    const role = roleOf(event.message_type, event.private);
    if (role === null || event.content === null || event.content === undefined || event.content.trim() === '')
      return [];
    return [
      {
        conversationExternalId: ns(event.account.id, event.conversation.id),
        externalId: ns(event.account.id, event.id),
        role,
        text: event.content,
        sentAt: dateOf(event.created_at),
        contact: contactOf(role === 'customer' ? event.sender : event.conversation.meta?.sender),
      },
    ];
  }
  const accountId = event.account?.id;
  const conversation: z.infer<typeof conversationCore> = event;
  const contact = contactOf(conversation.meta?.sender);
  return (conversation.messages ?? []).flatMap((m) => {
    if (postedByAttune(m)) return [];
    const role = roleOf(m.message_type, m.private);
    if (role === null || m.content === null || m.content === undefined || m.content.trim() === '') return [];
    return [
      {
        conversationExternalId: ns(accountId, event.id),
        externalId: ns(accountId, m.id),
        role,
        text: m.content,
        sentAt: dateOf(m.created_at),
        contact,
      },
    ];
  });
}

export function chatwootConversationExternalId(event: ChatwootEvent): string {
  return event.event === 'message_created' || event.event === 'message_updated'
    ? ns(event.account.id, event.conversation.id)
    : ns(event.account?.id, event.id);
}
