import type { MrzReport } from "contract/mrz/types";
import { type ReviewFieldKey, reviewFieldOfMrz } from "contract/review/review-fields";
import { type KeyboardEvent, useMemo, useRef, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { buildMrzSegments, type MrzSegment } from "./mrz-segments";
import { stateIcon } from "./state-badge";

interface MrzTranscriptProps {
  report: MrzReport;
  active: ReviewFieldKey | null;
  onActivate: (field: ReviewFieldKey | null) => void;
}

/** The MRZ as text, one button per field or check digit; one tab stop, arrow keys move between segments. */
export function MrzTranscript({ report, active, onActivate }: MrzTranscriptProps) {
  const t = useStrings(reviewStrings);
  const lines = useMemo(() => buildMrzSegments(report), [report]);
  const focusable = useMemo(() => lines.flat().filter((segment) => segment.kind !== "filler"), [lines]);
  const [current, setCurrent] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const describe = (segment: MrzSegment): string => {
    const field = segment.field === "composite" ? t["field.composite"] : labelOf(segment.field);
    const what =
      segment.kind === "check"
        ? `${field}, ${segment.field === "composite" ? t["mrz.composite"] : t["mrz.check"]}`
        : field;
    const state = segment.state ? t[`state.${segment.state}`] : "";
    return `${segment.text}: ${what}, ${state}`;
  };
  const labelOf = (name: MrzSegment["field"]): string => {
    const key = name ? reviewFieldOfMrz(name) : null;
    return key ? t[`field.${key}`] : (name ?? "");
  };

  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = focusable.length - 1;
    const next =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? Math.min(last, index + 1)
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? Math.max(0, index - 1)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    refs.current[next]?.focus();
  };

  return (
    <section className="review-mrz" aria-labelledby="review-mrz-heading">
      <h3 id="review-mrz-heading">{t["mrz.heading"]}</h3>
      <div role="toolbar" aria-label={t["mrz.heading"]} aria-orientation="horizontal" className="review-mrz-lines">
        {lines.map((segments, lineIndex) => (
          <div key={`line-${segments[0]?.line ?? lineIndex}`} className="review-mrz-line" data-line={lineIndex + 1}>
            {segments.map((segment) => {
              const field = segment.field ? reviewFieldOfMrz(segment.field) : null;
              if (segment.kind === "filler") {
                return (
                  <span key={segment.start} className="review-segment-text" data-kind="filler">
                    {segment.text}
                  </span>
                );
              }
              const index = focusable.indexOf(segment);
              const corrected = report.corrections.filter(
                (c) => c.line === segment.line && c.column >= segment.start && c.column < segment.end,
              );
              return (
                <button
                  key={segment.start}
                  ref={(element) => {
                    refs.current[index] = element;
                  }}
                  type="button"
                  tabIndex={index === current ? 0 : -1}
                  className="review-segment-text"
                  data-kind={segment.kind}
                  data-state={segment.state ?? "unchecked"}
                  data-field={field ?? undefined}
                  data-active={field !== null && field === active}
                  aria-label={`${describe(segment)}${corrected.length ? `, ${corrected.map((c) => format(t["mrz.correctedFrom"], { from: c.from })).join(", ")}` : ""}`}
                  title={describe(segment)}
                  onFocus={() => {
                    setCurrent(index);
                    onActivate(field);
                  }}
                  onBlur={() => onActivate(null)}
                  onMouseEnter={() => onActivate(field)}
                  onMouseLeave={() => onActivate(null)}
                  onKeyDown={(event) => move(event, index)}
                >
                  {segment.text}
                  {segment.state && segment.state !== "unchecked" && (
                    <span aria-hidden="true" className="review-segment-icon">
                      {stateIcon(segment.state)}
                    </span>
                  )}
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
