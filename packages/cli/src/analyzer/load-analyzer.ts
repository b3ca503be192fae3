import { createAnalyzer } from '@attune/engine';
import { loadDefaultModel, loadModelFile } from '@attune/model';
import type { LoadAnalyzerOptions, ScoringAnalyzer } from '../cli-io.ts';

/** Reads the shipped model, or the file given with `--model`, and builds the analyzer on it. */
export async function loadAnalyzer(options: LoadAnalyzerOptions): Promise<ScoringAnalyzer> {
  const model = options.modelPath === undefined ? await loadDefaultModel() : await loadModelFile(options.modelPath);
  return createAnalyzer({ model });
}
