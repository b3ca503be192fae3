import { EMOTION_POLARITY, type Cue, type Emotion, type MessageAnalysis, type Sentiment } from '@attune/engine';
import { displayWidth, padToWidth } from '../output/display-width.ts';
import type { Palette } from '../output/palette.ts';

export interface DemoRow {
  readonly text: string;
  readonly analysis: MessageAnalysis;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The strongest cues, by how much they moved the result, without overlapping spans; in text order. */
export function topCues(cues: readonly Cue[], count = 3): readonly Cue[] {
  const chosen: Cue[] = [];
  for (const cue of [...cues].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) {
    if (chosen.length >= count) break;
    if (chosen.some((c) => c.start < cue.end && cue.start < c.end)) continue;
    chosen.push(cue);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * The text cut to `width` columns, with the cue spans painted. Painting is applied per run of
 * characters, so a cut never leaves an escape sequence open.
 */
export function highlightSpans(
  text: string,
  spans: readonly Cue[],
  width: number,
  paint: (s: string) => string,
): string {
  const fits = displayWidth(text) <= width;
  const limit = fits ? width : width - 1;
  let out = '';
  let run = '';
  let runInSpan = false;
  let used = 0;
  for (const { segment, index } of segmenter.segment(text.replace(/\s/g, ' '))) {
    const w = displayWidth(segment);
    if (used + w > limit) break;
    used += w;
    const inSpan = spans.some((s) => index >= s.start && index < s.end);
    if (inSpan !== runInSpan && run !== '') {
      out += runInSpan ? paint(run) : run;
      run = '';
    }
    runInSpan = inSpan;
    run += segment;
  }
  out += runInSpan ? paint(run) : run;
  return fits ? out : `${out}…`;
}

function intensityBar(x: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, x)) * 5);
  return `${'▮'.repeat(filled)}${'▯'.repeat(5 - filled)} ${x.toFixed(2)}`;
}

function paintSentiment(p: Palette, s: Sentiment): (t: string) => string {
  return s === 'negative' ? p.red : s === 'positive' ? p.green : p.dim;
}

function paintEmotion(p: Palette, e: Emotion): (t: string) => string {
  if (e === 'neutral') return p.dim;
  if (e === 'confusion') return p.cyan;
  if (e === 'anxiety') return p.yellow;
  return paintSentiment(p, EMOTION_POLARITY[e]);
}

/** `"worried" → anxiety` for words the model or lexicon read; `"!!!" exclamation` for surface signals. */
function describeCue(c: Cue): string {
  const toward = c.emotion ?? c.sentiment;
  const word = c.kind === 'lexicon' || c.kind === 'ngram';
  return `"${c.text}"${word ? '' : ` ${c.kind}`}${toward !== undefined ? ` → ${toward}` : ''}`;
}

/**
 * The demo table: one row per message with language, dominant emotion, intensity, sentiment and the
 * message with its strongest cues highlighted, and a line naming those cues under it.
 * `width` is the terminal's width; the message column takes what the others leave.
 */
export function renderDemoTable(
  rows: readonly DemoRow[],
  { palette, width }: { palette: Palette; width: number },
): string {
  const columns = [
    { title: '#', width: 3 },
    { title: 'lang', width: 5 },
    { title: 'emotion', width: 12 },
    { title: 'intensity', width: 11 },
    { title: 'sentiment', width: 10 },
  ];
  const gap = '  ';
  const fixed = columns.reduce((s, c) => s + c.width + gap.length, 0);
  const messageWidth = Math.max(20, width - fixed);
  const indent = ' '.repeat(fixed);
  const lines: string[] = [palette.bold(columns.map((c) => padToWidth(c.title, c.width)).join(gap) + gap + 'message')];
  for (const [i, { text, analysis }] of rows.entries()) {
    const { emotions, sentiment, lang } = analysis;
    const cues = topCues(analysis.cues);
    const cells = [
      padToWidth(String(i + 1), columns[0]?.width ?? 0),
      padToWidth(lang.tag, columns[1]?.width ?? 0),
      paintEmotion(palette, emotions.dominant)(padToWidth(emotions.dominant, columns[2]?.width ?? 0)),
      padToWidth(intensityBar(emotions.intensity), columns[3]?.width ?? 0),
      paintSentiment(palette, sentiment.label)(padToWidth(sentiment.label, columns[4]?.width ?? 0)),
    ];
    const highlight = (s: string): string => palette.bold(palette.yellow(s));
    lines.push(cells.join(gap) + gap + highlightSpans(text, cues, messageWidth, highlight));
    if (cues.length > 0) {
      const named = `cues: ${cues.map(describeCue).join(' · ')}`;
      lines.push(indent + palette.dim(highlightSpans(named, [], messageWidth, (s) => s)));
    }
  }
  return `${lines.join('\n')}\n`;
}
