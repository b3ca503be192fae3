import { getLabelScheme, type LabelScheme, type SchemeName } from '@attune/engine';

/**
 * Where the model learns from. Each source names its files (relative to the datasets directory, or to the repo
 * for Attune's own corpus), which label scheme feeds each head, and its licence class. The `default` profile
 * (committed to the repo) may use only sources whose licence allows redistributing a derived model; `full` adds
 * the non-commercial and unstated ones and is never committed.
 */
export type Licence = 'open' | 'nc' | 'unstated';
export type Profile = 'default' | 'full';

export interface TrainingSource {
  readonly name: string;
  readonly licence: Licence;
  readonly licenceNote: string;
  /** Dataset folder under the datasets directory, or `corpus:<dir>` for Attune's own corpus in the repo. */
  readonly location: string;
  /** Schemes per head; a head without a scheme is not trained on this source. */
  readonly emotion?: SchemeName;
  readonly ekman?: SchemeName;
  readonly sentiment?: SchemeName;
  /** Read the single `emotion` / `sentiment` field instead of `labels` (Attune's corpus). */
  readonly fieldLabels?: boolean;
  /** XED English has a spacing artifact before punctuation: normalise it (see its SOURCE.md). */
  readonly normalizePunctuationSpacing?: boolean;
}

export const TRAINING_SOURCES: readonly TrainingSource[] = [
  {
    name: 'goemotions',
    licence: 'open',
    licenceNote: 'Apache-2.0',
    location: 'goemotions',
    emotion: 'goemotions',
    ekman: 'goemotions-ekman',
    sentiment: 'goemotions-sentiment',
  },
  {
    name: 'xed',
    licence: 'open',
    licenceNote: 'CC BY 4.0',
    location: 'xed',
    emotion: 'xed-attune',
    ekman: 'xed',
    sentiment: 'xed-sentiment',
    normalizePunctuationSpacing: true,
  },
  {
    name: 'cedr',
    licence: 'open',
    licenceNote: 'Apache-2.0',
    location: 'cedr',
    emotion: 'cedr-attune',
    ekman: 'cedr',
    sentiment: 'cedr-sentiment',
  },
  {
    name: 'rsics',
    licence: 'open',
    licenceNote: 'ODbL 1.0 (database); model weights are a produced work',
    location: 'rsics',
    emotion: 'rsics',
  },
  {
    name: 'attune-corpus',
    licence: 'open',
    licenceNote: 'CC BY 4.0, written by the Attune team',
    location: 'corpus:emotion',
    emotion: 'attune',
    ekman: 'attune-ekman',
    sentiment: 'attune-sentiment',
    fieldLabels: true,
  },
  // Full profile only: research-only or non-commercial data. Never shipped.
  {
    name: 'smp2020-ewect',
    licence: 'unstated',
    licenceNote: 'no licence stated (evaluation data)',
    location: 'smp2020-ewect',
    emotion: 'smp2020-attune',
    ekman: 'smp2020',
    sentiment: 'smp2020-sentiment',
  },
  {
    name: 'rusentiment',
    licence: 'nc',
    licenceNote: 'CC BY-NC-SA 4.0',
    location: 'rusentiment',
    sentiment: 'rusentiment',
  },
  {
    name: 'rusentitweet',
    licence: 'unstated',
    licenceNote: 'no licence stated',
    location: 'rusentitweet',
    sentiment: 'rusentiment',
  },
  {
    name: 'sentirueval-tweets',
    licence: 'unstated',
    licenceNote: 'no licence stated',
    location: 'sentirueval-tweets',
    sentiment: 'sentirueval',
  },
  {
    name: 'waimai-10k',
    licence: 'unstated',
    licenceNote: 'no licence stated',
    location: 'waimai-10k',
    sentiment: 'binary',
  },
  {
    name: 'online-shopping-10cats',
    licence: 'unstated',
    licenceNote: 'no licence stated',
    location: 'online-shopping-10cats',
    sentiment: 'binary',
  },
  {
    name: 'chnsenticorp-htl',
    licence: 'unstated',
    licenceNote: 'no licence stated',
    location: 'chnsenticorp-htl',
    sentiment: 'binary',
  },
];

export function sourcesFor(profile: Profile): readonly TrainingSource[] {
  return TRAINING_SOURCES.filter((s) => profile === 'full' || s.licence === 'open');
}

export function schemeOf(name: SchemeName | undefined): LabelScheme | undefined {
  return name === undefined ? undefined : getLabelScheme(name);
}
