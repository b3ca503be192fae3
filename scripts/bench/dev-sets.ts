import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every dev split Attune is measured on, per language, with the scheme that maps its labels. Some files mix
 * languages (XED) or keep splits inside (Attune's corpus): those are filtered into artifacts/bench/ first.
 */
export interface DevSet {
  readonly name: string;
  readonly lang: 'en' | 'ru' | 'zh';
  readonly task: 'emotion' | 'sentiment';
  readonly scheme: string;
  /** Licence class of the data, for the record (measuring on any dev split is allowed). */
  readonly file: string;
  /** Published or reference figures to compare against, if any. */
  readonly reference?: string;
}

export function devSets(datasets: string, repo: string, work: string): DevSet[] {
  mkdirSync(work, { recursive: true });
  const d = (folder: string) => join(datasets, folder, 'dev.jsonl');
  const filtered = (
    name: string,
    source: string,
    keep: (row: Record<string, unknown>) => boolean,
    map: (row: Record<string, unknown>) => Record<string, unknown> = (r) => r,
  ) => {
    const out = join(work, `${name}.jsonl`);
    if (!existsSync(source)) return out;
    const lines = readFileSync(source, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter(keep)
      .map((r) => JSON.stringify(map(r)));
    writeFileSync(out, lines.join('\n') + '\n');
    return out;
  };
  const xed = (lang: string) =>
    filtered(
      `xed-${lang}`,
      d('xed'),
      (r) => r.lang === lang,
      (r) => ({ ...r, text: String(r.text).replace(/\s+([.,!?;:])/g, '$1') }),
    );
  const corpus = (lang: string) =>
    filtered(`corpus-${lang}`, join(repo, 'corpus/emotion', `${lang}.jsonl`), (r) => r.split === 'dev');
  return [
    {
      name: 'GoEmotions (Ekman, 7, multi-label)',
      lang: 'en',
      task: 'emotion',
      scheme: 'goemotions-ekman',
      file: d('goemotions'),
      reference: 'BERT 0.62-0.64; TF-IDF LR 0.584 (test)',
    },
    {
      name: 'GoEmotions (Attune 8, multi-label)',
      lang: 'en',
      task: 'emotion',
      scheme: 'goemotions',
      file: d('goemotions'),
    },
    {
      name: 'GoEmotions sentiment (3 of 4 groups)',
      lang: 'en',
      task: 'sentiment',
      scheme: 'goemotions-sentiment',
      file: d('goemotions'),
      reference: 'BERT 0.69-0.70 (4 groups)',
    },
    {
      name: 'XED en (Ekman subset)',
      lang: 'en',
      task: 'emotion',
      scheme: 'xed',
      file: xed('en'),
      reference: 'BERT 0.53, SVC 0.50 (8 Plutchik)',
    },
    { name: 'RSiCS (frustration, gratitude)', lang: 'en', task: 'emotion', scheme: 'rsics', file: d('rsics') },
    { name: 'Attune corpus en (8)', lang: 'en', task: 'emotion', scheme: 'attune', file: corpus('en') },
    {
      name: 'Attune corpus en sentiment',
      lang: 'en',
      task: 'sentiment',
      scheme: 'attune-sentiment',
      file: corpus('en'),
    },
    {
      name: 'CEDR (multi-label)',
      lang: 'ru',
      task: 'emotion',
      scheme: 'cedr',
      file: d('cedr'),
      reference: 'SVM 0.64, ELMo ensemble 0.77',
    },
    {
      name: 'XED ru (Ekman subset)',
      lang: 'ru',
      task: 'emotion',
      scheme: 'xed',
      file: xed('ru'),
      reference: 'SVM 0.60 (8 Plutchik)',
    },
    {
      name: 'ru-GoEmotions MT (Ekman)',
      lang: 'ru',
      task: 'emotion',
      scheme: 'goemotions-ekman',
      file: d('ru-goemotions'),
    },
    {
      name: 'ru-GoEmotions MT (Attune 8)',
      lang: 'ru',
      task: 'emotion',
      scheme: 'goemotions',
      file: d('ru-goemotions'),
    },
    {
      name: 'RuSentiment',
      lang: 'ru',
      task: 'sentiment',
      scheme: 'rusentiment',
      file: d('rusentiment'),
      reference: 'TF-IDF LR 0.663 (5 classes, test)',
    },
    { name: 'RuSentiTweet', lang: 'ru', task: 'sentiment', scheme: 'rusentiment', file: d('rusentitweet') },
    { name: 'SentiRuEval tweets', lang: 'ru', task: 'sentiment', scheme: 'sentirueval', file: d('sentirueval-tweets') },
    { name: 'Attune corpus ru (8)', lang: 'ru', task: 'emotion', scheme: 'attune', file: corpus('ru') },
    {
      name: 'Attune corpus ru sentiment',
      lang: 'ru',
      task: 'sentiment',
      scheme: 'attune-sentiment',
      file: corpus('ru'),
    },
    {
      name: 'SMP2020-EWECT (6)',
      lang: 'zh',
      task: 'emotion',
      scheme: 'smp2020',
      file: d('smp2020-ewect'),
      reference: 'TF-IDF LR 0.679 (test); top ~0.79',
    },
    { name: 'CLUE emotion (Ekman-ish)', lang: 'zh', task: 'emotion', scheme: 'clue', file: d('clue-emotion') },
    {
      name: 'XED zh (Ekman subset)',
      lang: 'zh',
      task: 'emotion',
      scheme: 'xed',
      file: xed('zh'),
      reference: 'SVM 0.50 (8 Plutchik)',
    },
    {
      name: 'waimai-10k (binary)',
      lang: 'zh',
      task: 'sentiment',
      scheme: 'binary',
      file: d('waimai-10k'),
      reference: 'TF-IDF LR 0.880 (test)',
    },
    {
      name: 'online-shopping-10cats (binary)',
      lang: 'zh',
      task: 'sentiment',
      scheme: 'binary',
      file: d('online-shopping-10cats'),
      reference: 'TF-IDF LR 0.935 (test)',
    },
    {
      name: 'ChnSentiCorp hotels (binary)',
      lang: 'zh',
      task: 'sentiment',
      scheme: 'binary',
      file: d('chnsenticorp-htl'),
    },
    { name: 'Attune corpus zh (8)', lang: 'zh', task: 'emotion', scheme: 'attune', file: corpus('zh') },
    {
      name: 'Attune corpus zh sentiment',
      lang: 'zh',
      task: 'sentiment',
      scheme: 'attune-sentiment',
      file: corpus('zh'),
    },
  ];
}
