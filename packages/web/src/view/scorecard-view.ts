import { arr, field, num, span, str, type Span } from './read-json.ts';

export type CriterionStatus = 'pass' | 'fail' | 'not_applicable';
const STATUSES: readonly string[] = ['pass', 'fail', 'not_applicable'];

export interface CriterionView {
  readonly id: string;
  readonly group: string;
  readonly weight: number;
  readonly status: CriterionStatus;
  readonly autoFail: boolean;
  readonly evidence: readonly { readonly turnIndex: number; readonly span?: Span; readonly code?: string }[];
}

export interface ScorecardView {
  readonly score: number | null;
  readonly autoFailed: readonly string[];
  readonly criteria: readonly CriterionView[];
}

/** Reads the engine's scorecard (stored by the server as `auto`). */
export function scorecardView(auto: unknown, autoScore?: number): ScorecardView {
  const criteria = arr(field(auto, 'criteria')).flatMap((c): CriterionView[] => {
    const id = str(field(c, 'id'));
    const status = str(field(c, 'status'));
    const weight = num(field(c, 'weight'));
    if (id === undefined || status === undefined || !STATUSES.includes(status) || weight === undefined) return [];
    const evidence = arr(field(c, 'evidence')).flatMap((e) => {
      const turnIndex = num(field(e, 'turnIndex'));
      if (turnIndex === undefined) return [];
      const s = span(field(e, 'span'));
      const code = str(field(e, 'code'));
      return [{ turnIndex, ...(s === undefined ? {} : { span: s }), ...(code === undefined ? {} : { code }) }];
    });
    return [
      {
        id,
        group: str(field(c, 'group')) ?? '',
        weight,
        status: status as CriterionStatus,
        autoFail: field(c, 'autoFail') === true,
        evidence,
      },
    ];
  });
  const score = num(field(auto, 'score')) ?? autoScore ?? null;
  const autoFailed = arr(field(auto, 'autoFailed')).flatMap((x) => (typeof x === 'string' ? [x] : []));
  return { score, autoFailed, criteria };
}

/**
 * The score a reviewer's per-criterion verdicts give, by the engine's rule: passed weight over applicable weight,
 * 0..100 to one decimal; 0 if an auto-fail criterion fails; null when nothing applies.
 */
export function rescore(
  criteria: readonly CriterionView[],
  overrides: Readonly<Record<string, CriterionStatus>>,
): number | null {
  const judged = criteria.map((c) => ({ ...c, status: overrides[c.id] ?? c.status }));
  const applicable = judged.filter((c) => c.status !== 'not_applicable');
  const total = applicable.reduce((s, c) => s + c.weight, 0);
  if (total === 0) return null;
  if (judged.some((c) => c.autoFail && c.status === 'fail')) return 0;
  const passed = applicable.filter((c) => c.status === 'pass').reduce((s, c) => s + c.weight, 0);
  return Math.round((1000 * passed) / total) / 10;
}

/** Only the verdicts that differ from the automatic result. */
export function changedVerdicts(
  criteria: readonly CriterionView[],
  overrides: Readonly<Record<string, CriterionStatus>>,
): Record<string, CriterionStatus> {
  const out: Record<string, CriterionStatus> = {};
  for (const c of criteria) {
    const o = overrides[c.id];
    if (o !== undefined && o !== c.status) out[c.id] = o;
  }
  return out;
}

const VERDICTS_PREFIX = 'criteria: ';

/**
 * The reviewer's note as stored: the comment, then a machine-readable line of changed verdicts, so the per-criterion
 * review survives on a server that stores one override score and a note per scorecard.
 */
export function overrideNote(comment: string, changed: Readonly<Record<string, CriterionStatus>>): string {
  const entries = Object.entries(changed);
  const line = entries.length === 0 ? '' : `${VERDICTS_PREFIX}${entries.map(([id, s]) => `${id}=${s}`).join(', ')}`;
  return [comment.trim(), line].filter((x) => x !== '').join('\n');
}

/** Reads a stored note back into the comment and the per-criterion verdicts. */
export function parseOverrideNote(note: string | null): {
  readonly comment: string;
  readonly verdicts: Record<string, CriterionStatus>;
} {
  const verdicts: Record<string, CriterionStatus> = {};
  if (note === null) return { comment: '', verdicts };
  const lines = note.split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (!last.startsWith(VERDICTS_PREFIX)) return { comment: note, verdicts };
  for (const pair of last.slice(VERDICTS_PREFIX.length).split(',')) {
    const [id, status] = pair.trim().split('=');
    if (id !== undefined && status !== undefined && STATUSES.includes(status)) verdicts[id] = status as CriterionStatus;
  }
  return { comment: lines.slice(0, -1).join('\n'), verdicts };
}
