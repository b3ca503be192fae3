import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeModel, type EmotionModel } from '@attune/engine';

/** The committed default model (trained only on data whose licence allows redistribution; see docs/model-card.md). */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../attune-default.model', import.meta.url));

/** Loads a model file from disk. A missing or corrupt file is an Error that names the file and what is wrong. */
export async function loadModelFile(path: string): Promise<EmotionModel> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new Error(`attune: cannot read model file ${path}: ${(error as Error).message}`);
  }
  const decoded = decodeModel(bytes);
  if (!decoded.ok) throw new Error(`attune: ${path}: ${decoded.error}`);
  return decoded.value;
}

let cached: Promise<EmotionModel> | undefined;

/** The shipped default model, loaded once per process. */
export function loadDefaultModel(): Promise<EmotionModel> {
  cached ??= loadModelFile(DEFAULT_MODEL_PATH);
  return cached;
}
