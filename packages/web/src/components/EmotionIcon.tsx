/** @jsxRuntime automatic */
import type { Emotion } from '@attune/engine';

/**
 * A small face per emotion, drawn rather than an emoji so it looks the same on every system and in screenshots.
 * Decorative: the word beside it carries the meaning (colour and shape are never the only signal).
 */
const MOUTHS: Readonly<Record<Emotion, string>> = {
  anger: 'M7 16 Q12 12 17 16',
  frustration: 'M7 15.5 L17 15.5',
  anxiety: 'M7 16 Q9.5 14 12 16 Q14.5 18 17 16',
  sadness: 'M7.5 16.5 Q12 13 16.5 16.5',
  confusion: 'M8 16 Q12 14.5 16 15',
  gratitude: 'M7 14 Q12 18.5 17 14',
  joy: 'M6.5 13.5 Q12 20 17.5 13.5 Z',
  neutral: 'M8 15.5 L16 15.5',
};

const BROWS: Partial<Record<Emotion, string>> = {
  anger: 'M6.5 7.5 L10.5 9.5 M17.5 7.5 L13.5 9.5',
  frustration: 'M6.5 8.5 L10.5 8.5 M13.5 8.5 L17.5 8.5',
  anxiety: 'M6.5 9 L10 7.5 M17.5 9 L14 7.5',
  sadness: 'M6.5 9.5 L10.5 7.5 M17.5 9.5 L13.5 7.5',
  confusion: 'M6.5 8 L10.5 8 M13.5 7 L17.5 8.5',
};

export function EmotionIcon({ emotion, size = 18 }: { readonly emotion: Emotion; readonly size?: number }) {
  return (
    <svg
      className={`emotion-icon emotion-icon--${emotion}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="10.5" className="emotion-icon__face" />
      <circle cx="9" cy="11" r="1.2" className="emotion-icon__feature" />
      <circle cx="15" cy="11" r="1.2" className="emotion-icon__feature" />
      {BROWS[emotion] === undefined ? null : <path d={BROWS[emotion]} className="emotion-icon__line" />}
      <path d={MOUTHS[emotion]} className={emotion === 'joy' ? 'emotion-icon__feature' : 'emotion-icon__line'} />
    </svg>
  );
}
