/**
 * Test support: the real engine analyzer on the shipped default model, loaded once per process, so server
 * tests exercise createAnalyzer and the model users get, never a stand-in.
 */
import { createAnalyzer, type Analyzer } from '@attune/engine';
import { loadDefaultModel } from '@attune/model';

let cached: Promise<Analyzer> | undefined;

export function testAnalyzer(): Promise<Analyzer> {
  cached ??= loadDefaultModel().then((model) => createAnalyzer({ model }));
  return cached;
}
