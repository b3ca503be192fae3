/**
 * Why one input line (or the whole input) could not be used. Codes and parameters, rendered to words by
 * `describeIssue` at the edge, so another front end can word them differently.
 */
export type InputIssue =
  | { readonly code: 'invalid_json'; readonly detail: string }
  | { readonly code: 'not_an_object'; readonly received: string }
  | { readonly code: 'missing_field'; readonly field: string }
  | { readonly code: 'not_a_string'; readonly field: string; readonly received: string }
  | { readonly code: 'invalid_csv'; readonly detail: string }
  | { readonly code: 'missing_column'; readonly column: string; readonly available: readonly string[] }
  | { readonly code: 'unknown_label'; readonly labels: readonly string[]; readonly scheme: string }
  | { readonly code: 'several_labels'; readonly labels: readonly string[]; readonly scheme: string };

/** An issue together with where it happened. `fatal` issues stop the whole input. */
export interface LocatedIssue {
  readonly line: number;
  readonly issue: InputIssue;
  readonly fatal?: boolean;
}

/** The JSON type name of a value, for messages ("array", "number", "null"). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** English wording of an issue, for stderr. */
export function describeIssue(issue: InputIssue): string {
  switch (issue.code) {
    case 'invalid_json':
      return `invalid JSON (${issue.detail})`;
    case 'not_an_object':
      return `expected a JSON object, got ${issue.received}`;
    case 'missing_field':
      return `no "${issue.field}" field`;
    case 'not_a_string':
      return `"${issue.field}" should be a string, got ${issue.received}`;
    case 'invalid_csv':
      return `invalid CSV (${issue.detail})`;
    case 'missing_column':
      return `no column "${issue.column}" in the header (columns: ${issue.available.join(', ') || 'none'})`;
    case 'unknown_label':
      return `label${issue.labels.length > 1 ? 's' : ''} ${issue.labels.map((l) => `"${l}"`).join(', ')} not in scheme "${issue.scheme}" (wrong --scheme?)`;
    case 'several_labels':
      return `${issue.labels.length} labels (${issue.labels.join(', ')}) but scheme "${issue.scheme}" is single-label`;
  }
}
