import type { EscalationAssessment } from './escalation-risk.ts';
import type { IheartProgress } from './iheart-progress.ts';
import type { ReplyReading } from './reply-reading.ts';

/**
 * What the agent should do next:
 * - `acknowledge_emotion`: the customer is upset and no reply since has named or met the feeling (Identify, Empathize);
 * - `apologize`: the customer reported something the company got wrong and nobody apologised;
 * - `clarify`: nothing shows the problem was understood: restate it or ask a clarifying question (Hear);
 * - `resolve`: no concrete action or next step with a time frame yet (Resolve);
 * - `check_resolution`: a fix was given but the customer has not confirmed it: ask whether it solved the problem;
 * - `thank_and_close`: the customer confirmed: thank them and close warmly (Thank);
 * - `wait_for_customer`: the agent spoke last and nothing is pending;
 * - `greet`: nobody has written yet but the agent (or nothing) — open with a check-in.
 */
export type NextStepCode =
  | 'acknowledge_emotion'
  | 'apologize'
  | 'clarify'
  | 'resolve'
  | 'check_resolution'
  | 'thank_and_close'
  | 'wait_for_customer'
  | 'greet';

export interface NextBestStep {
  readonly code: NextStepCode;
  /** The customer turn that makes this step due, if one does. */
  readonly turnIndex?: number;
  /** Parameters for the catalogs: `emotion` for acknowledge_emotion, `risk` level when escalation is not low. */
  readonly params: Readonly<Record<string, string | number>>;
}

/** A turn as the next-step rules see it. */
export type StepTurn =
  | {
      readonly role: 'customer';
      readonly turnIndex: number;
      readonly upset: boolean;
      readonly emotion: string;
      readonly fault: boolean;
    }
  | { readonly role: 'agent'; readonly turnIndex: number; readonly reading: ReplyReading };

/**
 * Decides the next best step from the turns so far, the IHEART state and the escalation risk. The rules run in
 * the order a team lead would coach: feelings first, then fault, understanding, resolution, confirmation, thanks.
 */
export function nextBestStep(
  turns: readonly StepTurn[],
  progress: IheartProgress,
  escalation: EscalationAssessment,
): NextBestStep {
  const risk = escalation.level === 'low' ? {} : { risk: escalation.level };
  const lastCustomer = findLast(turns, (t) => t.role === 'customer');
  if (lastCustomer === undefined) return { code: 'greet', params: {} };
  const after = (i: number): readonly ReplyReading[] =>
    turns.slice(i + 1).flatMap((t) => (t.role === 'agent' ? [t.reading] : []));
  const positionOf = (turnIndex: number): number => turns.findIndex((t) => t.turnIndex === turnIndex);

  // The upset run: customer turns since the customer last was calm. Acknowledgement after its first turn counts.
  const customerTurns = turns.filter((t): t is Extract<StepTurn, { role: 'customer' }> => t.role === 'customer');
  if (lastCustomer.upset) {
    let first = lastCustomer;
    for (let i = customerTurns.length - 1; i >= 0 && customerTurns[i]?.upset === true; i--)
      first = customerTurns[i] as typeof first;
    const acknowledged = after(positionOf(first.turnIndex)).some(
      (r) => r.steps.identify.length > 0 || r.steps.empathize.length > 0,
    );
    if (!acknowledged)
      return {
        code: 'acknowledge_emotion',
        turnIndex: lastCustomer.turnIndex,
        params: { emotion: lastCustomer.emotion, ...risk },
      };
  }
  const fault = customerTurns.find((t) => t.fault);
  if (fault !== undefined && !after(positionOf(fault.turnIndex)).some((r) => r.steps.apologize.length > 0)) {
    return { code: 'apologize', turnIndex: fault.turnIndex, params: risk };
  }
  const lastIsAgent = turns[turns.length - 1]?.role === 'agent';
  switch (progress.state) {
    case 'opened':
    case 'acknowledged':
    case 'reopened':
      return { code: 'clarify', turnIndex: lastCustomer.turnIndex, params: risk };
    case 'understood':
      return { code: 'resolve', turnIndex: lastCustomer.turnIndex, params: risk };
    case 'resolved': {
      const resolvedAt = findLast(progress.transitions, (t) => t.to === 'resolved')?.turnIndex ?? -1;
      const checked = after(positionOf(resolvedAt) - 1).some((r) => r.questions.closing.length > 0);
      return checked && lastIsAgent
        ? { code: 'wait_for_customer', params: risk }
        : { code: 'check_resolution', params: risk };
    }
    case 'confirmed':
      return { code: 'thank_and_close', turnIndex: lastCustomer.turnIndex, params: risk };
    case 'closed':
      return { code: 'wait_for_customer', params: risk };
  }
}

function findLast<T, S extends T>(xs: readonly T[], p: (x: T) => x is S): S | undefined;
function findLast<T>(xs: readonly T[], p: (x: T) => boolean): T | undefined;
function findLast<T>(xs: readonly T[], p: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i] as T)) return xs[i];
  return undefined;
}
