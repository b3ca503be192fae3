/** @jsxRuntime automatic */
import { segmentText, type TaggedSpan } from '../view/text-segments.ts';

/**
 * Text with some spans marked. `active` ids are highlighted (the evidence for the hovered chip, a finding being
 * read); `marked` ids get a quieter underline. Text is rendered as React text nodes, so stored customer text
 * stays inert.
 */
export function HighlightedText({
  text,
  spans,
  active,
  classFor,
}: {
  readonly text: string;
  readonly spans: readonly TaggedSpan[];
  readonly active: ReadonlySet<string>;
  /** Extra class for a segment covered by these ids (e.g. the severity of a coach finding). */
  readonly classFor?: (ids: readonly string[]) => string | undefined;
}) {
  return (
    <>
      {segmentText(text, spans).map((s) => {
        if (s.ids.length === 0) return <span key={s.start}>{s.text}</span>;
        const on = s.ids.some((id) => active.has(id));
        const extra = classFor?.(s.ids);
        return on ? (
          <mark key={s.start} className={`evidence evidence--active${extra === undefined ? '' : ` ${extra}`}`}>
            {s.text}
          </mark>
        ) : (
          <span key={s.start} className={`evidence${extra === undefined ? '' : ` ${extra}`}`}>
            {s.text}
          </span>
        );
      })}
    </>
  );
}
