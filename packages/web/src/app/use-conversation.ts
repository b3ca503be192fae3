import { useCallback, useEffect, useState } from 'react';
import type { MessageAnalysis } from '@attune/engine';
import type { ApiFailure } from '../api/api-client.ts';
import type { AssistSnapshot, ConversationDetail, ConversationStatus, Message } from '../api/wire-types.ts';
import { useSession } from './session-context.tsx';

/** Adds or replaces a message (by id), keeping time order: live events may arrive after a reload fetched them. */
export function mergeMessage(messages: readonly Message[], message: Message): Message[] {
  const rest = messages.filter((m) => m.id !== message.id);
  const at = rest.findIndex((m) => m.sentAt > message.sentAt);
  return at === -1 ? [...rest, message] : [...rest.slice(0, at), message, ...rest.slice(at)];
}

/**
 * One conversation, kept live: loads the detail, follows the conversation on the socket, and folds in new
 * messages with their analyses, assist updates and status changes as they happen.
 */
export function useConversation(id: string): {
  readonly detail: ConversationDetail | undefined;
  readonly error: ApiFailure | undefined;
  readonly reload: () => Promise<void>;
  readonly lastEvent: string | undefined;
} {
  const { api, live, inboxes } = useSession();
  const [detail, setDetail] = useState<ConversationDetail | undefined>(undefined);
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const [lastEvent, setLastEvent] = useState<string | undefined>(undefined);

  const reload = useCallback(async () => {
    const r = await api.conversation(id);
    if (r.ok) {
      setDetail({ ...r.value, inbox: inboxes.get(r.value.conversation.inboxId) ?? null });
      setError(undefined);
    } else setError(r.error);
  }, [api, id, inboxes]);

  useEffect(() => {
    setDetail(undefined);
    void reload();
  }, [reload]);

  useEffect(() => {
    const unfollow = live.follow(id);
    const off = live.onFrame((frame) => {
      if (frame.conversationId !== id || frame.payload === undefined) return;
      const p = frame.payload;
      if (frame.type === 'message.analyzed') {
        const m = p['message'] as Omit<Message, 'analysis'> | undefined;
        if (m === undefined) return;
        const message: Message = { ...m, analysis: (p['analysis'] as MessageAnalysis | null | undefined) ?? null };
        setDetail((d) => (d === undefined ? d : { ...d, messages: mergeMessage(d.messages, message) }));
        setLastEvent(`message:${message.role}:${message.id}`);
      } else if (frame.type === 'assist.updated') {
        const assist = p['assist'] as AssistSnapshot | undefined;
        if (assist !== undefined) setDetail((d) => (d === undefined ? d : { ...d, assist }));
        setLastEvent(`assist:${String(frame.id)}`);
      } else if (frame.type === 'conversation.status_changed') {
        const to = p['to'] as ConversationStatus | undefined;
        if (to !== undefined)
          setDetail((d) => (d === undefined ? d : { ...d, conversation: { ...d.conversation, status: to } }));
      }
    });
    return () => {
      off();
      unfollow();
    };
  }, [live, id]);

  return { detail, error, reload, lastEvent };
}
