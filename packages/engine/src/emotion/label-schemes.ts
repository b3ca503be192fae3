import { EMOTION_TO_EKMAN, type EkmanEmotion, type Emotion, type Sentiment } from './taxonomy.ts';

/**
 * How each public dataset's labels map onto Attune's label spaces. This table is the only place such
 * mappings live: training, `attune eval --scheme NAME` and the docs all read it.
 *
 * A scheme maps a dataset label to a label of one target space:
 * - `emotion`: Attune's customer-service taxonomy (8),
 * - `ekman`: Ekman's six + neutral (as GoEmotions groups its 28), for comparison with published work,
 * - `sentiment`: negative / neutral / positive.
 * `null` means the dataset label has no counterpart there; an example left with no mapped label is
 * skipped for that target (and counted as skipped by eval), never silently relabelled.
 */
export type TargetSpace = 'emotion' | 'ekman' | 'sentiment';
export type TargetLabel<S extends TargetSpace> = S extends 'emotion'
  ? Emotion
  : S extends 'ekman'
    ? EkmanEmotion
    : Sentiment;

export interface LabelScheme<S extends TargetSpace = TargetSpace> {
  readonly name: string;
  readonly target: S;
  /** Multi-label schemes are scored per class (one-vs-rest), as GoEmotions, CEDR and XED papers do. */
  readonly multiLabel: boolean;
  readonly description: string;
  readonly map: Readonly<Record<string, TargetLabel<S> | null>>;
}

function scheme<S extends TargetSpace>(s: LabelScheme<S>): LabelScheme<S> {
  return s;
}

/** GoEmotions' 28 labels, as listed in its mappings.json (ru-goemotions shares them). */
const GOEMOTIONS_TO_EMOTION: Record<string, Emotion | null> = {
  anger: 'anger',
  annoyance: 'frustration',
  disapproval: 'frustration',
  disgust: 'anger',
  fear: 'anxiety',
  nervousness: 'anxiety',
  sadness: 'sadness',
  disappointment: 'sadness',
  grief: 'sadness',
  remorse: 'sadness',
  embarrassment: null, // the customer's own embarrassment is not a service signal we act on
  confusion: 'confusion',
  curiosity: 'confusion',
  gratitude: 'gratitude',
  joy: 'joy',
  amusement: 'joy',
  excitement: 'joy',
  love: 'joy',
  admiration: 'joy',
  approval: 'joy',
  optimism: 'joy',
  relief: 'joy',
  pride: 'joy',
  caring: null, // caring is what an agent shows, not a customer state
  desire: null,
  realization: null,
  surprise: null,
  neutral: 'neutral',
};

/** GoEmotions' own Ekman grouping (mappings.json), plus neutral. */
const GOEMOTIONS_TO_EKMAN: Record<string, EkmanEmotion> = {
  anger: 'anger',
  annoyance: 'anger',
  disapproval: 'anger',
  disgust: 'disgust',
  fear: 'fear',
  nervousness: 'fear',
  joy: 'joy',
  amusement: 'joy',
  approval: 'joy',
  excitement: 'joy',
  gratitude: 'joy',
  love: 'joy',
  optimism: 'joy',
  relief: 'joy',
  pride: 'joy',
  admiration: 'joy',
  desire: 'joy',
  caring: 'joy',
  sadness: 'sadness',
  disappointment: 'sadness',
  embarrassment: 'sadness',
  grief: 'sadness',
  remorse: 'sadness',
  surprise: 'surprise',
  realization: 'surprise',
  confusion: 'surprise',
  curiosity: 'surprise',
  neutral: 'neutral',
};

/** GoEmotions' own sentiment grouping (mappings.json). Its "ambiguous" group has no 3-way counterpart. */
const GOEMOTIONS_TO_SENTIMENT: Record<string, Sentiment | null> = {
  ...Object.fromEntries(
    [
      'amusement',
      'excitement',
      'joy',
      'love',
      'desire',
      'optimism',
      'caring',
      'pride',
      'admiration',
      'gratitude',
      'relief',
      'approval',
    ].map((l) => [l, 'positive' as const]),
  ),
  ...Object.fromEntries(
    [
      'fear',
      'nervousness',
      'remorse',
      'embarrassment',
      'disappointment',
      'sadness',
      'grief',
      'disgust',
      'anger',
      'annoyance',
      'disapproval',
    ].map((l) => [l, 'negative' as const]),
  ),
  realization: null,
  surprise: null,
  curiosity: null,
  confusion: null,
  neutral: 'neutral',
};

export const LABEL_SCHEMES = {
  /** Attune's own labels, as written in `emotion` / `labels` of an eval file. */
  attune: scheme({
    name: 'attune',
    target: 'emotion',
    multiLabel: false,
    description: "Attune's 8 customer-service emotions, labels used as they are.",
    map: {
      anger: 'anger',
      frustration: 'frustration',
      anxiety: 'anxiety',
      sadness: 'sadness',
      confusion: 'confusion',
      gratitude: 'gratitude',
      joy: 'joy',
      neutral: 'neutral',
    },
  }),
  'attune-sentiment': scheme({
    name: 'attune-sentiment',
    target: 'sentiment',
    multiLabel: false,
    description: 'negative / neutral / positive as they are.',
    map: { negative: 'negative', neutral: 'neutral', positive: 'positive' },
  }),
  'attune-ekman': scheme({
    name: 'attune-ekman',
    target: 'ekman',
    multiLabel: false,
    description:
      "Attune's 8 emotions in Ekman's terms (frustration is anger, anxiety fear, confusion surprise, gratitude joy); no disgust.",
    map: EMOTION_TO_EKMAN,
  }),
  goemotions: scheme({
    name: 'goemotions',
    target: 'emotion',
    multiLabel: true,
    description:
      "GoEmotions' 28 labels onto Attune's 8 (annoyance and disapproval are frustration; curiosity is confusion).",
    map: GOEMOTIONS_TO_EMOTION,
  }),
  'goemotions-ekman': scheme({
    name: 'goemotions-ekman',
    target: 'ekman',
    multiLabel: true,
    description: "GoEmotions' own Ekman grouping of its 28 labels, plus neutral (the paper's 7-class setting).",
    map: GOEMOTIONS_TO_EKMAN,
  }),
  'goemotions-sentiment': scheme({
    name: 'goemotions-sentiment',
    target: 'sentiment',
    multiLabel: true,
    description:
      "GoEmotions' own sentiment grouping; its 'ambiguous' group (surprise, realization, curiosity, confusion) is left out, so figures are 3-class.",
    map: GOEMOTIONS_TO_SENTIMENT,
  }),
  xed: scheme({
    name: 'xed',
    target: 'ekman',
    multiLabel: true,
    description:
      "XED's Plutchik-8 + neutral onto Ekman: anticipation and trust have no Ekman counterpart and are left out.",
    map: {
      anger: 'anger',
      disgust: 'disgust',
      fear: 'fear',
      joy: 'joy',
      sadness: 'sadness',
      surprise: 'surprise',
      neutral: 'neutral',
      anticipation: null,
      trust: null,
    },
  }),
  'xed-attune': scheme({
    name: 'xed-attune',
    target: 'emotion',
    multiLabel: true,
    description: "XED's Plutchik-8 onto Attune's 8: disgust counts as anger, fear as anxiety.",
    map: {
      anger: 'anger',
      disgust: 'anger',
      fear: 'anxiety',
      joy: 'joy',
      sadness: 'sadness',
      neutral: 'neutral',
      surprise: null,
      anticipation: null,
      trust: null,
    },
  }),
  'xed-sentiment': scheme({
    name: 'xed-sentiment',
    target: 'sentiment',
    multiLabel: false,
    description:
      "XED's Plutchik-8 onto polarity: joy and trust positive; anger, disgust, fear, sadness negative; anticipation and surprise left out.",
    map: {
      anger: 'negative',
      disgust: 'negative',
      fear: 'negative',
      sadness: 'negative',
      joy: 'positive',
      trust: 'positive',
      neutral: 'neutral',
      anticipation: null,
      surprise: null,
    },
  }),
  cedr: scheme({
    name: 'cedr',
    target: 'ekman',
    multiLabel: true,
    description: 'CEDR (ru): joy, sadness, surprise, fear, anger; no_emotion is neutral.',
    map: {
      joy: 'joy',
      sadness: 'sadness',
      surprise: 'surprise',
      fear: 'fear',
      anger: 'anger',
      no_emotion: 'neutral',
    },
  }),
  'cedr-attune': scheme({
    name: 'cedr-attune',
    target: 'emotion',
    multiLabel: true,
    description: "CEDR onto Attune's 8: fear is anxiety; surprise has no counterpart.",
    map: { joy: 'joy', sadness: 'sadness', fear: 'anxiety', anger: 'anger', no_emotion: 'neutral', surprise: null },
  }),
  'cedr-sentiment': scheme({
    name: 'cedr-sentiment',
    target: 'sentiment',
    multiLabel: false,
    description:
      'CEDR onto polarity: joy positive; sadness, fear, anger negative; no_emotion neutral; surprise left out.',
    map: {
      joy: 'positive',
      sadness: 'negative',
      fear: 'negative',
      anger: 'negative',
      no_emotion: 'neutral',
      surprise: null,
    },
  }),
  smp2020: scheme({
    name: 'smp2020',
    target: 'ekman',
    multiLabel: false,
    description: 'SMP2020-EWECT (zh Weibo): happy, angry, sad, fear, surprise, neutral.',
    map: { happy: 'joy', angry: 'anger', sad: 'sadness', fear: 'fear', surprise: 'surprise', neutral: 'neutral' },
  }),
  'smp2020-attune': scheme({
    name: 'smp2020-attune',
    target: 'emotion',
    multiLabel: false,
    description: "SMP2020-EWECT onto Attune's 8: fear is anxiety; surprise has no counterpart.",
    map: { happy: 'joy', angry: 'anger', sad: 'sadness', fear: 'anxiety', neutral: 'neutral', surprise: null },
  }),
  'smp2020-sentiment': scheme({
    name: 'smp2020-sentiment',
    target: 'sentiment',
    multiLabel: false,
    description: 'SMP2020-EWECT onto polarity: happy positive; angry, sad, fear negative; neutral; surprise left out.',
    map: {
      happy: 'positive',
      angry: 'negative',
      sad: 'negative',
      fear: 'negative',
      neutral: 'neutral',
      surprise: null,
    },
  }),
  clue: scheme({
    name: 'clue',
    target: 'ekman',
    multiLabel: false,
    description: 'CLUE emotion (zh Weibo): like and happiness are joy; no neutral class.',
    map: {
      like: 'joy',
      happiness: 'joy',
      sadness: 'sadness',
      anger: 'anger',
      disgust: 'disgust',
      fear: 'fear',
      surprise: 'surprise',
    },
  }),
  rsics: scheme({
    name: 'rsics',
    target: 'emotion',
    multiLabel: true,
    description:
      'RSiCS customer-service requests: rant is frustration, gratitude is gratitude; the other relational labels are not emotions.',
    map: {
      rant: 'frustration',
      gratitude: 'gratitude',
      express_emotion: null,
      greeting: null,
      backstory: null,
      justification: null,
      other: null,
      none: null,
    },
  }),
  binary: scheme({
    name: 'binary',
    target: 'sentiment',
    multiLabel: false,
    description: 'Review polarity sets (waimai-10k, online-shopping-10cats, chnsenticorp-htl): positive / negative.',
    map: { positive: 'positive', negative: 'negative' },
  }),
  rusentiment: scheme({
    name: 'rusentiment',
    target: 'sentiment',
    multiLabel: false,
    description:
      'RuSentiment / RuSentiTweet: positive, negative, neutral; speech acts are positive (greetings, thanks); skip is left out.',
    map: { positive: 'positive', negative: 'negative', neutral: 'neutral', speech: 'positive', skip: null },
  }),
  sentirueval: scheme({
    name: 'sentirueval',
    target: 'sentiment',
    multiLabel: false,
    description: 'SentiRuEval tweets toward banks and telecoms: tweet-level label; mixed is left out.',
    map: { positive: 'positive', negative: 'negative', neutral: 'neutral', mixed: null },
  }),
} as const satisfies Record<string, LabelScheme>;

export type SchemeName = keyof typeof LABEL_SCHEMES;

export function getLabelScheme(name: string): LabelScheme | undefined {
  return Object.hasOwn(LABEL_SCHEMES, name) ? LABEL_SCHEMES[name as SchemeName] : undefined;
}

/**
 * Maps a dataset's labels through a scheme. Returns the distinct target labels (in first-seen order) and
 * the labels the scheme does not know at all (so a caller can report a wrong scheme instead of guessing).
 */
export function mapLabels<S extends TargetSpace>(
  scheme: LabelScheme<S>,
  labels: readonly string[],
): { readonly mapped: readonly TargetLabel<S>[]; readonly unknown: readonly string[] } {
  const mapped: TargetLabel<S>[] = [];
  const unknown: string[] = [];
  for (const label of labels) {
    if (!Object.hasOwn(scheme.map, label)) {
      unknown.push(label);
      continue;
    }
    const target = scheme.map[label];
    if (target != null && !mapped.includes(target)) mapped.push(target);
  }
  return { mapped, unknown };
}
