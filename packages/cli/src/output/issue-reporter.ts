import type { OutputStream } from '../cli-io.ts';
import { describeIssue, type LocatedIssue } from '../input/input-issue.ts';

/** Prints input problems to stderr, at most `limit` of them so a wrong file does not flood the terminal. */
export interface IssueReporter {
  report(issue: LocatedIssue): void;
  /** How many were reported in all, shown or not. */
  readonly count: number;
}

export function createIssueReporter(
  stderr: OutputStream,
  command: string,
  { limit = 50, beforeWrite }: { limit?: number; beforeWrite?: () => void } = {},
): IssueReporter {
  let count = 0;
  return {
    report({ line, issue }) {
      count++;
      if (count > limit + 1) return;
      beforeWrite?.();
      stderr.write(
        count <= limit
          ? `attune ${command}: line ${line}: ${describeIssue(issue)}\n`
          : `attune ${command}: further problems are counted but not shown\n`,
      );
    },
    get count() {
      return count;
    },
  };
}
