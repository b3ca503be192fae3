import type { AnalyzeOptions, MessageAnalysis } from '@attune/engine';
import type { ScoringAnalyzer } from '../cli-io.ts';

/**
 * Analyses the text of one input line. The analyzer promises never to throw for a string; if it does
 * (a bug), the error names the line that set it off, so it can be reproduced.
 */
export function analyzeLine(
  analyzer: ScoringAnalyzer,
  line: number,
  text: string,
  options: AnalyzeOptions,
): MessageAnalysis {
  try {
    return analyzer.analyzeMessage(text, options);
  } catch (error) {
    throw new Error(`line ${line}: the analyzer failed: ${(error as Error).message}`, { cause: error });
  }
}
