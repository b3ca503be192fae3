import {
  DEFAULT_FEATURIZER_CONFIG,
  FeatureExtractor,
  LexiconIndex,
  type EmotionModel,
  type FeaturizerConfig,
  type LexiconBundle,
} from '@attune/engine';
import { buildModel, withHeader } from './build-model.ts';
import { calibrateSentimentTemperature, calibrateSigmoidHead, setLogits } from './calibration.ts';
import { devScores, objective, type DevScores } from './dev-objective.ts';
import { featurize, type FeaturizedSet } from './featurized-set.ts';
import { loadSource, type Locations, type TrainingExample } from './load-examples.ts';
import { trainLinear, type TrainSettings } from './sgd-trainer.ts';
import { sourcesFor, type Profile, type TrainingSource } from './training-sources.ts';

/**
 * Settings chosen on the dev splits with `npm run train -- --search` (see docs/model-card.md for the grid and
 * the figures). Changing them means re-running the search, not guessing.
 */
export const CHOSEN_SETTINGS: TrainSettings = {
  epochs: 8,
  learningRate: 0.2,
  l2: 1e-6,
  hashedDropout: 0,
  languageWeight: { en: 1, ru: 2, zh: 4 },
  sourceWeight: { 'attune-corpus': 10 },
  seed: 20261124,
};

export interface TrainOptions {
  readonly profile: Profile;
  readonly locations: Locations;
  readonly lexicons: LexiconBundle;
  readonly settings?: TrainSettings;
  readonly featurizer?: FeaturizerConfig;
  /** Use at most this many examples per source and split (a quick pipeline check, not a real model). */
  readonly limit?: number;
  /** Try a grid of settings on dev and keep the best. */
  readonly search?: boolean;
  /** Leave these sources out of training (for ablations); their dev splits still count. */
  readonly excludeSources?: readonly string[];
  /** Train only on examples in these languages (for measuring cross-lingual transfer); dev is unchanged. */
  readonly trainLanguages?: readonly string[];
  readonly version: string;
  readonly log?: (line: string) => void;
}

export interface TrainResult {
  readonly model: EmotionModel;
  readonly dev: DevScores;
  readonly objective: number;
  readonly counts: Readonly<Record<string, { train: number; dev: number; rejected: number }>>;
  readonly search?: readonly { settings: TrainSettings; objective: number; dev: DevScores }[];
}

/** The whole pipeline: load, featurize, train (optionally search), quantize, calibrate on dev. */
export function trainModel(options: TrainOptions): TrainResult {
  const log = options.log ?? (() => {});
  const featurizer = options.featurizer ?? DEFAULT_FEATURIZER_CONFIG;
  const extractor = new FeatureExtractor(featurizer, new LexiconIndex(options.lexicons));
  const sources = sourcesFor(options.profile);
  const counts: Record<string, { train: number; dev: number; rejected: number }> = {};
  const train: TrainingExample[] = [];
  const dev: TrainingExample[] = [];
  for (const source of sources) {
    const t = loadSource(source, 'train', options.locations);
    const d = loadSource(source, 'dev', options.locations);
    // Ablations leave data out of training only: dev stays the same, so the figures compare.
    const excluded = (options.excludeSources ?? []).includes(source.name);
    const inLanguage = excluded
      ? []
      : options.trainLanguages === undefined
        ? t.examples
        : t.examples.filter((e) => options.trainLanguages?.includes(e.lang));
    const trainExamples = options.limit !== undefined ? inLanguage.slice(0, options.limit) : inLanguage;
    const devExamples = options.limit !== undefined ? d.examples.slice(0, options.limit) : d.examples;
    counts[source.name] = { train: trainExamples.length, dev: devExamples.length, rejected: t.rejected + d.rejected };
    train.push(...trainExamples);
    dev.push(...devExamples);
    log(
      `source ${source.name}: ${trainExamples.length} train, ${devExamples.length} dev${t.rejected + d.rejected > 0 ? `, ${t.rejected + d.rejected} rejected lines` : ''}`,
    );
  }
  if (train.length === 0)
    throw new Error(`no training data found under ${options.locations.datasets} (profile ${options.profile})`);
  const started = Date.now();
  const trainSet = featurize(train, extractor);
  const devSet = featurize(dev, extractor);
  log(`featurized ${train.length + dev.length} examples in ${Date.now() - started} ms`);

  const fit = (settings: TrainSettings) =>
    fitAndCalibrate(trainSet, devSet, featurizer, settings, options, sources, counts);
  let search: { settings: TrainSettings; objective: number; dev: DevScores }[] | undefined;
  let settings = options.settings ?? CHOSEN_SETTINGS;
  if (options.search) {
    const tried: { settings: TrainSettings; objective: number; dev: DevScores }[] = [];
    const best = () => tried.reduce((a, b) => (b.objective > a.objective ? b : a)).settings;
    const attempt = (candidate: TrainSettings) => {
      const result = fit(candidate);
      tried.push({ settings: candidate, objective: result.objective, dev: result.dev });
      log(`search ${JSON.stringify(candidate)} -> ${result.objective} ${JSON.stringify(result.dev)}`);
    };
    // Coordinate search, one setting at a time from the best so far: fewer fits than a full grid.
    for (const learningRate of [0.1, 0.2]) for (const epochs of [8]) attempt({ ...settings, learningRate, epochs });
    for (const corpus of [4, 10]) attempt({ ...best(), sourceWeight: { 'attune-corpus': corpus } });
    for (const hashedDropout of [0.1]) attempt({ ...best(), hashedDropout });
    for (const languageWeight of [
      { en: 1, ru: 2, zh: 4 },
      { en: 1, ru: 3, zh: 8 },
    ])
      attempt({ ...best(), languageWeight });
    settings = best();
    search = tried;
    log(`search chose ${JSON.stringify(settings)}`);
  }
  const result = fit(settings);
  log(`dev objective ${result.objective}: ${JSON.stringify(result.dev)}`);
  return { ...result, counts, ...(search !== undefined ? { search } : {}) };
}

function fitAndCalibrate(
  trainSet: FeaturizedSet,
  devSet: FeaturizedSet,
  featurizer: FeaturizerConfig,
  settings: TrainSettings,
  options: TrainOptions,
  sources: readonly TrainingSource[],
  counts: Record<string, { train: number; dev: number; rejected: number }>,
): { model: EmotionModel; dev: DevScores; objective: number } {
  const weights = trainLinear(trainSet, featurizer.buckets, settings);
  const raw = buildModel(
    weights,
    featurizer,
    options.lexicons,
    { id: `attune-emotion-${options.profile}`, version: options.version, profile: options.profile },
    {},
  );
  const logits = setLogits(raw, devSet);
  const calibration = {
    emotion: calibrateSigmoidHead(logits, devSet, 'emotion'),
    ekman: calibrateSigmoidHead(logits, devSet, 'ekman'),
    sentimentTemperature: calibrateSentimentTemperature(logits, devSet),
  };
  const dev = devScores(logits, devSet, calibration);
  const score = objective(dev);
  const model = withHeader(raw, {
    calibration,
    training: {
      profile: options.profile,
      sources: sources.map((s) => ({
        name: s.name,
        licence: s.licence,
        licenceNote: s.licenceNote,
        ...counts[s.name],
      })),
      settings,
      devMacroF1: dev,
      devObjective: score,
      limit: options.limit ?? null,
    },
  });
  return { model, dev, objective: score };
}
