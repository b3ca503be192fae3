/** A debounced function: call it freely; it runs once the calls stop for `waitMs`, with the last arguments. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Forgets a pending call (e.g. the draft was sent). */
  cancel(): void;
  /** Runs a pending call now. */
  flush(): void;
  readonly pending: boolean;
}

/**
 * Debounces `fn`: the draft coach runs when the agent pauses typing, not on every keystroke.
 *
 * @example
 * ```ts
 * const coachLater = debounce((text: string) => coach(text), 400);
 * textarea.oninput = () => coachLater(textarea.value);
 * ```
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  if (!(waitMs >= 0))
    throw new RangeError(`debounce: waitMs must be a non-negative number, received ${String(waitMs)}`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastArgs: A | undefined;
  const run = (): void => {
    timer = undefined;
    const args = lastArgs;
    lastArgs = undefined;
    if (args !== undefined) fn(...args);
  };
  const debounced = ((...args: A) => {
    lastArgs = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  }) as Debounced<A>;
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    lastArgs = undefined;
  };
  debounced.flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    run();
  };
  Object.defineProperty(debounced, 'pending', { get: () => timer !== undefined });
  return debounced;
}
