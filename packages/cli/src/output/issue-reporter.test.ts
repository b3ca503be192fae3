import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createIssueReporter } from './issue-reporter.ts';

describe('createIssueReporter', () => {
  it('prints each problem with its line number, up to a limit, and counts them all', () => {
    const err = new PassThrough();
    const reporter = createIssueReporter(err, 'analyze', { limit: 2 });
    for (let line = 1; line <= 5; line++) reporter.report({ line, issue: { code: 'missing_field', field: 'text' } });
    assert.equal(reporter.count, 5);
    assert.equal(
      String(err.read()),
      'attune analyze: line 1: no "text" field\n' +
        'attune analyze: line 2: no "text" field\n' +
        'attune analyze: further problems are counted but not shown\n',
    );
  });
});
