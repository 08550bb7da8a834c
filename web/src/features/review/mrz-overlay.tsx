import type { Quad } from "contract/geometry";
import type { MrzReport } from "contract/mrz/types";
import type { PassportResult } from "contract/result";
import type { ReviewFieldKey } from "contract/review/review-fields";
import { reviewFieldOfMrz } from "contract/review/review-fields";
import { useId, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { bandMatrix, quadPoints, td3BandEstimate } from "./mrz-geometry";
import { buildMrzSegments, mrzColumns } from "./mrz-segments";
import { useLocatedBand } from "./use-located-band";

const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

interface MrzOverlayProps {
  result: PassportResult;
  image: Blob;
  imageUrl: string | null;
  active: ReviewFieldKey | null;
  onActivate: (field: ReviewFieldKey | null) => void;
}

/** The captured image, zoomable, with the MRZ band outlined and the MRZ drawn over it segment by segment. */
export type BandSource = "reader" | "browser" | "estimate";

export function MrzOverlay({ result, image, imageUrl, active, onActivate }: MrzOverlayProps) {
  const t = useStrings(reviewStrings);
  const [showOverlay, setShowOverlay] = useState(true);
  const [zoomIndex, setZoomIndex] = useState(0);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const toggleId = useId();
  const noteId = useId();
  const size = result.image ?? natural;
  const zoom = ZOOM_STEPS[zoomIndex] ?? 1;
  const report = result.mrz;
  const found = useLocatedBand(image, result.mrzBand === null && report !== null);
  let band: Quad | null = null;
  let source: BandSource = "estimate";
  if (result.mrzBand) {
    band = result.mrzBand;
    source = "reader";
  } else if (size && found) {
    band = found.map((p) => ({ x: p.x * size.width, y: p.y * size.height })) as Quad;
    source = "browser";
  } else if (size && report) {
    band = td3BandEstimate(size, mrzColumns(report) || 44);
  }

  return (
    <section className="review-image" aria-labelledby={`${toggleId}-heading`}>
      <h3 id={`${toggleId}-heading`}>{t["image.heading"]}</h3>
      <div className="review-image-tools">
        <label htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            checked={showOverlay}
            onChange={(event) => setShowOverlay(event.currentTarget.checked)}
          />{" "}
          {t["image.overlay"]}
        </label>
        <fieldset className="review-zoom">
          <legend>{t["image.zoom"]}</legend>
          <button type="button" onClick={() => setZoomIndex((i) => Math.max(0, i - 1))} disabled={zoomIndex === 0}>
            {t["image.zoomOut"]}
          </button>
          <output aria-live="polite">{Math.round(zoom * 100)}%</output>
          <button
            type="button"
            onClick={() => setZoomIndex((i) => Math.min(ZOOM_STEPS.length - 1, i + 1))}
            disabled={zoomIndex === ZOOM_STEPS.length - 1}
          >
            {t["image.zoomIn"]}
          </button>
          <button type="button" onClick={() => setZoomIndex(0)} disabled={zoomIndex === 0}>
            {t["image.zoomReset"]}
          </button>
        </fieldset>
      </div>
      <p id={noteId} className="review-note">
        {report ? t[`image.band.${source}`] : t["image.noMrz"]}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable, zoomed image must be reachable by keyboard to scroll it */}
      <section className="review-image-viewport" tabIndex={0} aria-label={t["image.viewport"]}>
        <div className="review-image-canvas" style={{ width: `${zoom * 100}%` }}>
          {imageUrl && (
            <img
              src={imageUrl}
              alt={t["image.alt"]}
              aria-describedby={noteId}
              onLoad={(event) =>
                setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
              }
            />
          )}
          {showOverlay && size && report && band && (
            <svg
              className="review-overlay"
              viewBox={`0 0 ${size.width} ${size.height}`}
              preserveAspectRatio="none"
              aria-hidden="true"
              data-testid="mrz-overlay"
            >
              <polygon
                className="review-band"
                data-source={source}
                points={quadPoints(band)}
                vectorEffect="non-scaling-stroke"
              />
              <OverlayText report={report} band={band} active={active} onActivate={onActivate} />
            </svg>
          )}
        </div>
      </section>
    </section>
  );
}

interface OverlayTextProps {
  report: MrzReport;
  band: Quad;
  active: ReviewFieldKey | null;
  onActivate: (field: ReviewFieldKey | null) => void;
}

/** MRZ characters laid out in band cells (x: column, y: line) and mapped onto the band by one affine matrix. */
function OverlayText({ report, band, active, onActivate }: OverlayTextProps) {
  const columns = mrzColumns(report);
  const lines = report.lines.length;
  if (columns === 0 || lines === 0) return null;
  const matrix = bandMatrix(band, columns, lines).map((value) => Math.round(value * 1000) / 1000);
  return (
    <g transform={`matrix(${matrix.join(" ")})`}>
      {buildMrzSegments(report).flatMap((segments) =>
        segments.map((segment) => {
          const field = segment.field ? reviewFieldOfMrz(segment.field) : null;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: pointer-only mirror of the keyboard-operable MRZ text below
            <g
              key={`${segment.line}-${segment.start}`}
              className="review-segment"
              data-kind={segment.kind}
              data-state={segment.state ?? "filler"}
              data-field={field ?? undefined}
              data-active={field !== null && field === active}
              onMouseEnter={() => field && onActivate(field)}
              onMouseLeave={() => field && onActivate(null)}
            >
              <rect
                x={segment.start}
                y={segment.line + 0.06}
                width={segment.end - segment.start}
                height={0.88}
                vectorEffect="non-scaling-stroke"
              />
              <text
                x={segment.start}
                y={segment.line + 0.8}
                fontSize={0.82}
                textLength={segment.end - segment.start}
                lengthAdjust="spacingAndGlyphs"
              >
                {segment.text}
              </text>
              {segment.correctedColumns.map((column) => (
                <line
                  key={column}
                  className="review-corrected-mark"
                  x1={column + 0.1}
                  x2={column + 0.9}
                  y1={segment.line + 0.92}
                  y2={segment.line + 0.92}
                  vectorEffect="non-scaling-stroke"
                />
              ))}
            </g>
          );
        }),
      )}
    </g>
  );
}
