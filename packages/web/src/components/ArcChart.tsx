/** @jsxRuntime automatic */
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { useI18n } from '../app/i18n-context.tsx';
import type { ArcPointView } from '../view/assist-view.ts';
import { DataTable } from './DataTable.tsx';
import { UplotChart } from './UplotChart.tsx';

/** The emotional arc: valence per customer message (and heat), a small line chart with its table. */
export function ArcChart({ points }: { readonly points: readonly ArcPointView[] }) {
  const { t, fmt } = useI18n();
  const data = useMemo<uPlot.AlignedData>(
    () => [points.map((_, i) => i + 1), points.map((p) => p.valence), points.map((p) => p.heat)],
    [points],
  );
  if (points.length === 0) return null;
  const options: Omit<uPlot.Options, 'width' | 'height'> = {
    legend: { show: false },
    cursor: { show: true },
    // One message would otherwise stretch the axis to an arbitrary span.
    scales: {
      x: { time: false, range: (_u, min, max) => [Math.min(min, 1) - 0.5, Math.max(max, 2) + 0.5] },
      y: { range: [-1, 1] },
    },
    axes: [
      { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      { values: (_u, ticks) => ticks.map((v) => fmt.number(v, 1)), size: 40 },
    ],
    series: [
      { label: '#' },
      { label: t('assist.valence'), stroke: '#3d6fb6', width: 2, points: { show: true, size: 6 } },
      { label: t('assist.heat'), stroke: '#c2532d', width: 1.5, dash: [4, 3], points: { show: true, size: 5 } },
    ],
  };
  return (
    <figure className="arc-chart">
      <figcaption className="visually-hidden">{t('assist.arcDescription')}</figcaption>
      <p className="legend" aria-hidden="true">
        <span className="legend__a">— {t('assist.valence')}</span>{' '}
        <span className="legend__b">- - {t('assist.heat')}</span>
      </p>
      <UplotChart options={options} data={data} height={130} />
      <DataTable
        caption={t('assist.arcTable')}
        head={['#', t('assist.valence'), t('assist.heat'), t('list.col.emotion')]}
        rows={points.map((p, i) => [
          t('assist.turn', { n: i + 1 }),
          fmt.number(p.valence, 2),
          fmt.number(p.heat, 2),
          p.emotion === undefined ? '—' : t(`emotion.${p.emotion}`),
        ])}
      />
    </figure>
  );
}
