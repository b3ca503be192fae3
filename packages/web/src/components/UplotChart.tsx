/** @jsxRuntime automatic */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

/**
 * A uPlot chart that follows its container's width. Charts are pictures to a screen reader, so every caller also
 * renders the same numbers as a table (see DataTable); the canvas itself is hidden from assistive technology.
 */
export function UplotChart({
  options,
  data,
  height = 200,
}: {
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  readonly data: uPlot.AlignedData;
  readonly height?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    const width = Math.max(240, el.clientWidth);
    const chart = new uPlot({ ...options, width, height }, data, el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // Options are rebuilt by callers on every render; the chart is recreated only when the data changes.
  }, [data, height]);

  return <div ref={host} className="chart" aria-hidden="true" />;
}
