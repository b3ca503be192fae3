import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EKMAN_EMOTIONS, EMOTIONS, SENTIMENTS, mapLabels, type LabelScheme } from '@attune/engine';
import { schemeOf, type TrainingSource } from './training-sources.ts';

export type Split = 'train' | 'dev';

/** Targets for one multi-label head: which classes are present, and which classes this source labels at all. */
export interface HeadTargets {
  readonly present: readonly number[];
  /** Classes the source's scheme can express; the others are not trained on this example (unknown, not absent). */
  readonly known: readonly number[];
}

export interface TrainingExample {
  readonly text: string;
  readonly lang: string;
  readonly source: string;
  readonly emotion?: HeadTargets;
  readonly ekman?: HeadTargets;
  /** Index into SENTIMENTS. */
  readonly sentiment?: number;
}

export interface Locations {
  /** The shared datasets directory (../shared/datasets). */
  readonly datasets: string;
  /** The repository root, for Attune's own corpus. */
  readonly repo: string;
}

interface RawLine {
  readonly text?: unknown;
  readonly lang?: unknown;
  readonly labels?: unknown;
  readonly emotion?: unknown;
  readonly sentiment?: unknown;
  readonly split?: unknown;
}

/** Reads one source's split. Lines that fail to parse or have no text are counted, never silently dropped. */
export function loadSource(
  source: TrainingSource,
  split: Split,
  where: Locations,
): { examples: TrainingExample[]; rejected: number } {
  const examples: TrainingExample[] = [];
  let rejected = 0;
  for (const line of sourceLines(source, split, where)) {
    let raw: RawLine;
    try {
      raw = JSON.parse(line) as RawLine;
    } catch {
      rejected++;
      continue;
    }
    if (typeof raw.text !== 'string' || raw.text.trim() === '') {
      rejected++;
      continue;
    }
    const example = toExample(source, raw);
    if (example === undefined) continue;
    examples.push(example);
  }
  return { examples, rejected };
}

function* sourceLines(source: TrainingSource, split: Split, where: Locations): Generator<string> {
  if (source.location.startsWith('corpus:')) {
    const dir = join(where.repo, 'corpus', source.location.slice('corpus:'.length));
    if (!existsSync(dir)) throw new Error(`missing training data for ${source.name}: no directory ${dir}`);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        // Attune's corpus keeps both splits in one file, marked per line.
        if (!line.includes(`"split": "${split}"`) && !line.includes(`"split":"${split}"`)) continue;
        yield line;
      }
    }
    return;
  }
  const file = join(where.datasets, source.location, `${split}.jsonl`);
  // A model trained without one of its sources is not the model the card describes: refuse rather than skip.
  if (!existsSync(file)) throw new Error(`missing training data for ${source.name}: no file ${file}`);
  for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim() !== '') yield line;
}

function toExample(source: TrainingSource, raw: RawLine): TrainingExample | undefined {
  const labels = (field: 'emotion' | 'sentiment'): string[] =>
    source.fieldLabels
      ? typeof raw[field] === 'string'
        ? [raw[field] as string]
        : []
      : Array.isArray(raw.labels)
        ? raw.labels.filter((l): l is string => typeof l === 'string')
        : [];
  let text = raw.text as string;
  if (source.normalizePunctuationSpacing) text = text.replace(/\s+([.,!?;:])/g, '$1');
  const emotion = headTargets(schemeOf(source.emotion), labels('emotion'), EMOTIONS);
  const ekman = headTargets(schemeOf(source.ekman), labels('emotion'), EKMAN_EMOTIONS);
  const sentiment = sentimentTarget(
    schemeOf(source.sentiment),
    source.fieldLabels ? labels('sentiment') : labels('emotion'),
  );
  if (emotion === undefined && ekman === undefined && sentiment === undefined) return undefined;
  return {
    text,
    lang: typeof raw.lang === 'string' ? raw.lang : 'und',
    source: source.name,
    ...(emotion !== undefined ? { emotion } : {}),
    ...(ekman !== undefined ? { ekman } : {}),
    ...(sentiment !== undefined ? { sentiment } : {}),
  };
}

function headTargets(
  scheme: LabelScheme | undefined,
  labels: readonly string[],
  classes: readonly string[],
): HeadTargets | undefined {
  if (scheme === undefined) return undefined;
  const { mapped, unknown } = mapLabels(scheme, labels);
  // No labels, or labels the scheme does not know: we cannot say which classes are absent. An example whose
  // labels are all known but map to nothing ("surprise" for the emotion head, RSiCS "backstory") is a valid
  // negative for every class the scheme labels.
  if (labels.length === 0 || unknown.length > 0) return undefined;
  const targets: readonly (string | null)[] = Object.values(scheme.map);
  const known = [...new Set(targets.filter((v): v is string => v !== null))]
    .map((l) => classes.indexOf(l))
    .filter((i) => i >= 0);
  return { present: mapped.map((l) => classes.indexOf(l)).filter((i) => i >= 0), known };
}

function sentimentTarget(scheme: LabelScheme | undefined, labels: readonly string[]): number | undefined {
  if (scheme === undefined) return undefined;
  const { mapped } = mapLabels(scheme, labels);
  // Mixed polarity (e.g. joy + anger) has no single sentiment target.
  if (mapped.length !== 1) return undefined;
  return SENTIMENTS.indexOf(mapped[0] as (typeof SENTIMENTS)[number]);
}
