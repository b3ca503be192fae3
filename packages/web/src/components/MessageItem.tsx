/** @jsxRuntime automatic */
import { useMemo, useState } from 'react';
import type { Message } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';
import { emotionChips } from '../view/emotion-evidence.ts';
import type { Span } from '../view/read-json.ts';
import type { TaggedSpan } from '../view/text-segments.ts';
import { EmotionIcon } from './EmotionIcon.tsx';
import { HighlightedText } from './HighlightedText.tsx';

const FOCUS_ID = 'focus';

/**
 * One message. Customer messages carry emotion chips; hovering or focusing a chip highlights the words that caused
 * it. `focus` highlights a span pointed at from elsewhere (a risk reason, an IHEART step, a scorecard criterion).
 */
export function MessageItem({
  message,
  focus,
  turnNumber,
}: {
  readonly message: Message;
  readonly focus?: Span | true;
  readonly turnNumber?: number;
}) {
  const { t, fmt } = useI18n();
  const [activeChip, setActiveChip] = useState<number | undefined>(undefined);
  const analysis = message.role === 'customer' ? message.analysis : null;
  const chips = useMemo(() => (analysis === null ? [] : emotionChips(analysis)), [analysis]);

  // Only cues that are evidence for a chip are marked: the rest explain nothing the agent can see.
  const evidence = new Set(chips.flatMap((c) => c.cueIndices));
  const spans: TaggedSpan[] =
    analysis === null
      ? []
      : analysis.cues.flatMap((c, i) => (evidence.has(i) ? [{ start: c.start, end: c.end, id: String(i) }] : []));
  if (focus !== undefined && focus !== true && message.text.slice(focus.start, focus.end) === focus.text)
    spans.push({ start: focus.start, end: focus.end, id: FOCUS_ID });
  const active = new Set<string>((activeChip === undefined ? [] : (chips[activeChip]?.cueIndices ?? [])).map(String));
  if (focus !== undefined) active.add(FOCUS_ID);
  const roleLabel =
    message.role === 'customer'
      ? t('conv.customer')
      : message.role === 'agent'
        ? t('conv.agent')
        : message.role === 'note'
          ? t('conv.note')
          : t('conv.system');

  return (
    <li
      className={`message message--${message.role}${focus === undefined ? '' : ' message--focused'}`}
      id={`message-${message.id}`}
      data-turn={turnNumber}
    >
      <div className="message__meta">
        <span className="message__role">{roleLabel}</span>
        <time dateTime={message.sentAt}>{fmt.time(message.sentAt)}</time>
      </div>
      <p className="message__text">
        <HighlightedText text={message.text} spans={spans} active={active} />
      </p>
      {chips.length === 0 ? null : (
        <ul className="chips" aria-label={t('emotion.evidenceHint')}>
          {chips.map((chip, i) => {
            const words = chip.cueIndices
              .map((ci) => analysis?.cues[ci]?.text)
              .filter((w): w is string => w !== undefined);
            const label = t('emotion.chipLabel', {
              emotion: t(`emotion.${chip.emotion}`),
              percent: fmt.percent(chip.probability),
              evidence: words.length === 0 ? t('emotion.noEvidence') : words.map((w) => `“${w}”`).join(', '),
            });
            return (
              <li key={chip.emotion}>
                <button
                  type="button"
                  className={`chip emotion--${chip.emotion}${chip.dominant ? ' chip--dominant' : ''}`}
                  aria-label={label}
                  aria-pressed={activeChip === i}
                  title={label}
                  onMouseEnter={() => setActiveChip(i)}
                  onMouseLeave={() => setActiveChip(undefined)}
                  onFocus={() => setActiveChip(i)}
                  onBlur={() => setActiveChip(undefined)}
                  data-emotion={chip.emotion}
                >
                  <EmotionIcon emotion={chip.emotion} size={16} />
                  <span>{t(`emotion.${chip.emotion}`)}</span>
                  <span className="chip__pct">{fmt.percent(chip.probability)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
