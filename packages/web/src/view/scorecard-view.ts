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

/** The stored per-criterion review as verdicts by criterion id. */
export function storedVerdicts(
  overrides: readonly { readonly criterionId: string; readonly status: string }[],
): Record<string, CriterionStatus> {
  const out: Record<string, CriterionStatus> = {};
  for (const o of overrides) if (STATUSES.includes(o.status)) out[o.criterionId] = o.status as CriterionStatus;
  return out;
}

/**
 * The verdicts to save: each changed criterion carries the reviewer's comment, since the server keeps a comment per
 * criterion and the panel asks for one comment per review.
 */
export function verdictsToSave(
  changed: Readonly<Record<string, CriterionStatus>>,
  comment: string,
): { id: string; status: CriterionStatus; comment?: string }[] {
  const c = comment.trim();
  return Object.entries(changed).map(([id, status]) => ({ id, status, ...(c === '' ? {} : { comment: c }) }));
}
