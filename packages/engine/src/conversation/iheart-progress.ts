/**
 * Where a conversation stands in the IHEART flow, as an explicit state machine: every state lists the events it
 * accepts and where each leads; anything else leaves the state unchanged. Agent turns produce events in IHEART
 * order (acknowledge, hear, resolve, thank), customer turns produce `confirm`, `still_broken` or `message`.
 */
export const IHEART_STATES = [
  'opened',
  'acknowledged',
  'understood',
  'resolved',
  'confirmed',
  'closed',
  'reopened',
] as const;
export type IheartState = (typeof IHEART_STATES)[number];

export const IHEART_EVENTS = ['acknowledge', 'hear', 'resolve', 'thank', 'confirm', 'still_broken', 'message'] as const;
export type IheartEvent = (typeof IHEART_EVENTS)[number];

/** The table of allowed transitions. A missing entry means the event does not change the state. */
export const IHEART_TRANSITIONS: Readonly<Record<IheartState, Readonly<Partial<Record<IheartEvent, IheartState>>>>> = {
  opened: { acknowledge: 'acknowledged', hear: 'understood', resolve: 'resolved', confirm: 'confirmed' },
  acknowledged: { hear: 'understood', resolve: 'resolved', confirm: 'confirmed' },
  understood: { resolve: 'resolved', confirm: 'confirmed' },
  // Thanking before the customer confirms does not close anything: the fix is still unconfirmed.
  resolved: { confirm: 'confirmed', still_broken: 'reopened' },
  confirmed: { thank: 'closed', still_broken: 'reopened' },
  // A customer who writes again after closing has a new concern.
  closed: { still_broken: 'reopened', message: 'opened' },
  reopened: { acknowledge: 'acknowledged', hear: 'understood', resolve: 'resolved', confirm: 'confirmed' },
};

/** Applies one event. Pure. */
export function nextIheartState(state: IheartState, event: IheartEvent): IheartState {
  return IHEART_TRANSITIONS[state][event] ?? state;
}

/** One transition that happened, for the timeline. */
export interface IheartTransition {
  readonly turnIndex: number;
  readonly event: IheartEvent;
  readonly from: IheartState;
  readonly to: IheartState;
}

/** The flow so far: the current state and every transition that changed it. */
export interface IheartProgress {
  readonly state: IheartState;
  readonly transitions: readonly IheartTransition[];
}

/** Runs events through the machine from `opened`; events that change nothing are not recorded. */
export function iheartProgress(
  events: readonly { readonly turnIndex: number; readonly event: IheartEvent }[],
): IheartProgress {
  let state: IheartState = 'opened';
  const transitions: IheartTransition[] = [];
  for (const { turnIndex, event } of events) {
    const to = nextIheartState(state, event);
    if (to !== state) transitions.push({ turnIndex, event, from: state, to });
    state = to;
  }
  return { state, transitions };
}
