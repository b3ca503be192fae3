import { parseJsonObject } from '../input/message-records.ts';
import type { EvalTaskContext } from './eval-task.ts';

/**
 * The data lines of an eval run as JSON objects: blank lines skipped, `--limit` applied to the lines read, and a line
 * that is not a JSON object reported (with its number) and passed over. Every eval task reads its data through this.
 */
export async function* jsonExamples(
  context: EvalTaskContext,
): AsyncGenerator<{ readonly line: number; readonly value: Readonly<Record<string, unknown>> }> {
  let read = 0;
  for await (const { line, text } of context.lines) {
    if (text.trim() === '') continue;
    if (context.limit !== undefined && read >= context.limit) return;
    read++;
    const parsed = parseJsonObject(line, text);
    if (!parsed.ok) {
      context.reportIssue(parsed);
      continue;
    }
    yield { line, value: parsed.value };
  }
}
