/** @jsxRuntime automatic */

export interface DumbbellRow {
  readonly label: string;
  readonly a?: number;
  readonly b?: number;
}

/**
 * Two values per row on one scale (inferred vs survey CSAT, self vs automatic score), drawn as an SVG dumbbell:
 * a filled circle for the first value, a hollow diamond for the second, a line showing the gap. Shapes differ so
 * the two series are told apart without colour; the legend and the numbers say which is which.
 */
export function DumbbellChart({
  rows,
  min,
  max,
  labelA,
  labelB,
  format,
}: {
  readonly rows: readonly DumbbellRow[];
  readonly min: number;
  readonly max: number;
  readonly labelA: string;
  readonly labelB: string;
  readonly format: (x: number) => string;
}) {
  const width = 300;
  const x = (v: number) => 8 + ((v - min) / (max - min)) * (width - 16);
  return (
    <div className="dumbbell">
      <p className="legend" aria-hidden="true">
        <span className="legend__a">● {labelA}</span> <span className="legend__b">◇ {labelB}</span>
      </p>
      <ul>
        {rows.map((r, i) => (
          <li key={i} className="dumbbell__row">
            <span className="dumbbell__label">{r.label}</span>
            <svg viewBox={`0 0 ${width} 20`} className="dumbbell__svg" aria-hidden="true" preserveAspectRatio="none">
              <line x1={8} x2={width - 8} y1={10} y2={10} className="dumbbell__track" />
              {r.a !== undefined && r.b !== undefined ? (
                <line x1={x(r.a)} x2={x(r.b)} y1={10} y2={10} className="dumbbell__gap" />
              ) : null}
              {r.a === undefined ? null : <circle cx={x(r.a)} cy={10} r={6} className="dumbbell__a" />}
              {r.b === undefined ? null : (
                <rect
                  x={x(r.b) - 5}
                  y={5}
                  width={10}
                  height={10}
                  transform={`rotate(45 ${x(r.b)} 10)`}
                  className="dumbbell__b"
                />
              )}
            </svg>
            <span className="dumbbell__values">
              {labelA}: {r.a === undefined ? '—' : format(r.a)} · {labelB}: {r.b === undefined ? '—' : format(r.b)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
