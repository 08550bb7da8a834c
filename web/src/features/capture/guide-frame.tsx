import { ID3_HEIGHT_MM, ID3_WIDTH_MM, MRZ_HEIGHT_MM } from "./guide-geometry";

/**
 * The passport page outline (ID-3, 125 x 88 mm) with the MRZ band marked, drawn over the live picture.
 * The SVG scales with the video box; `preserveAspectRatio` keeps the ID-3 shape. Decorative for screen readers:
 * the same guidance is given in words next to it.
 */
export function GuideFrame({ mrzLabel, progress }: { mrzLabel: string; progress: number }) {
  const margin = 0.05;
  const vbW = ID3_WIDTH_MM / (1 - 2 * margin);
  const vbH = ID3_HEIGHT_MM / (1 - 2 * margin);
  const x = (vbW - ID3_WIDTH_MM) / 2;
  const y = (vbH - ID3_HEIGHT_MM) / 2;
  const mrzY = y + ID3_HEIGHT_MM - MRZ_HEIGHT_MM;
  return (
    <svg className="guide-frame" viewBox={`0 0 ${vbW} ${vbH}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      <rect x={x} y={y} width={ID3_WIDTH_MM} height={ID3_HEIGHT_MM} rx={3.2} className="guide-page" />
      <rect x={x + 2} y={mrzY} width={ID3_WIDTH_MM - 4} height={MRZ_HEIGHT_MM - 2} rx={1.5} className="guide-mrz" />
      <text x={x + 5} y={mrzY + 7} className="guide-mrz-label">
        {mrzLabel}
      </text>
      <rect x={x} y={y + ID3_HEIGHT_MM + 1.5} width={ID3_WIDTH_MM * progress} height={1.5} className="guide-progress" />
    </svg>
  );
}
