import type { Millis } from '../brands.ts';

/** Who wrote a turn. `system` turns (bot notices, "agent joined") are kept but never read as speech. */
export type Role = 'customer' | 'agent' | 'system';

/** The medium of a conversation: it decides which channel rules apply (cool-down, dead air, talk ratio). */
export type Channel = 'chat' | 'email' | 'phone' | 'social';

export const CHANNELS: readonly Channel[] = ['chat', 'email', 'phone', 'social'];
export const ROLES: readonly Role[] = ['customer', 'agent', 'system'];

/** One message (or, for phone, one utterance). */
export interface Turn {
  /** Position in the conversation as given, 0-based: evidence refers to turns by this index. */
  readonly index: number;
  readonly role: Role;
  readonly text: string;
  /**
   * When the turn was written or started, ms since the epoch (or since the call start for phone).
   * Absent when the input had no timestamp: time-based rules then report themselves not applicable.
   */
  readonly at?: Millis;
  /** For phone transcripts: when the utterance ended, if known. */
  readonly endAt?: Millis;
  readonly channel?: Channel;
  readonly author?: string;
}

/** What the customer told us outside the text: shown to the coach so it can check the reply uses it. */
export interface CustomerFacts {
  readonly name?: string;
  readonly orderId?: string;
  readonly product?: string;
}

/** A validated conversation: turns in time order, indices as given. */
export interface Conversation {
  readonly id?: string;
  readonly channel: Channel;
  /** A language hint for the whole conversation (`en`, `zh`, `ru`); otherwise detected per turn. */
  readonly lang?: string;
  readonly customer: CustomerFacts;
  readonly turns: readonly Turn[];
  /**
   * Notes on what validation repaired rather than rejected (e.g. turns re-sorted by time), so a score is never
   * silently computed on input that was not what the caller thought.
   */
  readonly notes: readonly ConversationNote[];
}

export type ConversationNote =
  | { readonly code: 'turns_reordered'; readonly moved: number }
  | { readonly code: 'timestamps_missing'; readonly turns: number }
  | { readonly code: 'empty_turns_dropped'; readonly turns: number };
