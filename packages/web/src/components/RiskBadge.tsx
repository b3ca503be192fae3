/** @jsxRuntime automatic */
import type { RiskLevel } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';

/** Shape + word + colour: high is a triangle, medium a diamond, low a circle. */
const SHAPES: Readonly<Record<RiskLevel, string>> = { high: '▲', medium: '◆', low: '●' };

export function RiskBadge({ level, score }: { readonly level: RiskLevel | undefined; readonly score?: number }) {
  const { t, fmt } = useI18n();
  if (level === undefined) return <span className="risk risk--unknown">{t('risk.unknown')}</span>;
  return (
    <span className={`risk risk--${level}`}>
      <span aria-hidden="true" className="risk__shape">
        {SHAPES[level]}
      </span>
      <span>{t(`risk.${level}`)}</span>
      {score === undefined ? null : <span className="risk__score">{fmt.percent(score)}</span>}
    </span>
  );
}
