// CONTRACT (implementation in progress): createAnalyzer({ model }) -> Analyzer.
import type { AnalyzeOptions, MessageAnalysis } from './message-analysis.ts';

export interface Analyzer {
  readonly model: { readonly id: string; readonly version: string };
  /** Reads one customer message. Never throws for any string; throws TypeError for a non-string. */
  analyzeMessage(text: string, options?: AnalyzeOptions): MessageAnalysis;
}
