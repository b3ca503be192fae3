import { arr, field, params, span, str, type Span } from './read-json.ts';

export type Severity = 'high' | 'medium' | 'low';

/** One coach finding as the composer shows it: underlined span, explanation code, optional one-click rewrite. */
export interface CoachFindingView {
  /** Stable within one coaching result: used to pair the underline with its explanation. */
  readonly id: string;
  readonly code: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly params: Readonly<Record<string, string | number>>;
  readonly rewrite?: { readonly span: Span; readonly text: string };
}

export interface CoachView {
  /** The draft text the findings refer to. */
  readonly draft: string;
  readonly findings: readonly CoachFindingView[];
}

const SEVERITIES: readonly string[] = ['high', 'medium', 'low'];

/**
 * Reads the server's coach result (`POST /conversations/{id}/coach` -> `{ coach }`, the engine's DraftCoaching)
 * for the draft that was sent. Findings whose span does not match that draft are dropped: an underline in the wrong
 * place is worse than none.
 */
export function coachView(draft: string, coach: unknown): CoachView {
  const findings = arr(field(coach, 'findings')).flatMap((f, i): CoachFindingView[] => {
    const code = str(field(f, 'code'));
    const s = span(field(f, 'span'));
    if (code === undefined || s === undefined || draft.slice(s.start, s.end) !== s.text) return [];
    const sev = str(field(f, 'severity'));
    const severity = (sev !== undefined && SEVERITIES.includes(sev) ? sev : 'medium') as Severity;
    const rw = field(f, 'rewrite');
    const rwSpan = span(field(rw, 'span'));
    const rwText = str(field(rw, 'text'));
    const rewrite =
      rwSpan !== undefined && rwText !== undefined && draft.slice(rwSpan.start, rwSpan.end) === rwSpan.text
        ? { span: rwSpan, text: rwText }
        : undefined;
    return [
      {
        id: `${code}-${i}`,
        code,
        severity,
        span: s,
        params: params(field(f, 'params')),
        ...(rewrite === undefined ? {} : { rewrite }),
      },
    ];
  });
  return { draft, findings };
}

/** The draft after a rewrite, and where the rewrite's text now sits in it. */
export interface Rewritten {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Applies a finding's rewrite to the current draft. The agent may have typed since the coach answered, so the
 * rewrite's span is checked against the current text: if it moved, the same words are searched for (nearest to the
 * old place); if they are gone, nothing is applied and `undefined` says so.
 *
 * @example
 * ```ts
 * applyRewrite('No. I can’t refund that.', { span: { start: 4, end: 24, text: 'I can’t refund that.' }, text: 'What I can do is …' });
 * // { text: 'No. What I can do is …', start: 4, end: 22 }
 * ```
 */
export function applyRewrite(
  current: string,
  rewrite: { readonly span: Span; readonly text: string },
): Rewritten | undefined {
  const { start, end, text } = rewrite.span;
  const at = current.slice(start, end) === text ? start : nearest(current, text, start);
  if (at === undefined) return undefined;
  return {
    text: current.slice(0, at) + rewrite.text + current.slice(at + text.length),
    start: at,
    end: at + rewrite.text.length,
  };
}

/** Where the agent should type next in a rewrite: the first `…` placeholder in it, if any. */
export function placeholderIn(r: Rewritten): { readonly start: number; readonly end: number } | undefined {
  const i = r.text.slice(r.start, r.end).indexOf('…');
  return i < 0 ? undefined : { start: r.start + i, end: r.start + i + 1 };
}

function nearest(haystack: string, needle: string, around: number): number | undefined {
  let best: number | undefined;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    if (best === undefined || Math.abs(i - around) < Math.abs(best - around)) best = i;
  }
  return best;
}

/** Whether any finding is important enough to warn before sending. */
export function hasHighSeverity(view: CoachView | undefined): boolean {
  return view !== undefined && view.findings.some((f) => f.severity === 'high');
}
