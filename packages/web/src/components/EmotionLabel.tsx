/** @jsxRuntime automatic */
import type { Emotion } from '@attune/engine';
import { useI18n } from '../app/i18n-context.tsx';
import { EmotionIcon } from './EmotionIcon.tsx';

/** An emotion as icon + word (never colour alone). */
export function EmotionLabel({ emotion }: { readonly emotion: Emotion | undefined }) {
  const { t } = useI18n();
  if (emotion === undefined)
    return <span className="emotion-label emotion-label--unknown">{t('emotion.unknown')}</span>;
  return (
    <span className={`emotion-label emotion--${emotion}`}>
      <EmotionIcon emotion={emotion} />
      <span>{t(`emotion.${emotion}`)}</span>
    </span>
  );
}
