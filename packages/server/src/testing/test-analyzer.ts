/**
 * Test support: the real engine analyzer. It reads the shipped default model when the model package can
 * provide it; until that file is committed, the engine's own tiny fixture model (the one the engine's tests
 * use), so server tests exercise createAnalyzer itself, never a stand-in.
 */
import { createAnalyzer, type Analyzer, type EmotionModel } from '@attune/engine';
import { fixtureModel } from '../../../engine/src/analyze/fixtures/fixture-model.ts';

let cached: Promise<Analyzer> | undefined;

export function testAnalyzer(): Promise<Analyzer> {
  cached ??= (async () => {
    try {
      // A computed specifier: the model package may not build yet while its model file is being trained.
      const specifier = '@attune/model';
      const model = (await import(specifier)) as { loadDefaultModel(): Promise<EmotionModel> };
      return createAnalyzer({ model: await model.loadDefaultModel() });
    } catch {
      return createAnalyzer({ model: fixtureModel() });
    }
  })();
  return cached;
}
