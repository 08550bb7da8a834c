import { MIN_DOCUMENT_AREA_SHARE, MIN_MRZ_CAP_HEIGHT_PX } from "contract/capture-size";
import { format } from "../../i18n/i18n";
import type { CaptureStrings } from "../../i18n/strings/capture";
import type { DocumentDetection } from "./document-detection";
import type { FrameMetrics } from "./frame-metrics";
import type { QualityThresholds } from "./quality-thresholds";

interface Row {
  key: "brightness" | "glare" | "sharpness" | "fill" | "motion" | "document" | "band" | "letters" | "page";
  measured: string;
  needed: string;
  ok: boolean;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The document detector's checks, against the same sizes the server warns at. */
function documentRows(d: DocumentDetection, t: CaptureStrings): Row[] {
  const cap = d.capHeightPx;
  const share = d.pageShare;
  return [
    { key: "document", measured: d.found ? t.found : t.notFound, needed: t.found, ok: d.found },
    { key: "band", measured: d.found ? (d.inBand ? t.ok : t.notOk) : "—", needed: t.ok, ok: d.inBand },
    {
      key: "letters",
      measured: cap === null ? "—" : `${cap.toFixed(0)} px`,
      needed: `≥ ${MIN_MRZ_CAP_HEIGHT_PX} px`,
      ok: cap !== null && cap >= MIN_MRZ_CAP_HEIGHT_PX,
    },
    {
      key: "page",
      measured: share === null ? "—" : pct(share),
      needed: `≥ ${pct(MIN_DOCUMENT_AREA_SHARE)}`,
      ok: share !== null && share >= MIN_DOCUMENT_AREA_SHARE,
    },
  ];
}

function rows(m: FrameMetrics, t: QualityThresholds): Row[] {
  return [
    {
      key: "brightness",
      measured: m.brightness.toFixed(0),
      needed: `≥ ${t.minBrightness}`,
      ok: m.brightness >= t.minBrightness,
    },
    { key: "glare", measured: pct(m.glare), needed: `≤ ${pct(t.maxGlare)}`, ok: m.glare <= t.maxGlare },
    {
      key: "sharpness",
      measured: m.sharpness.toFixed(0),
      needed: `≥ ${t.minSharpness}`,
      ok: m.sharpness >= t.minSharpness,
    },
    { key: "fill", measured: pct(m.fill), needed: `≥ ${pct(t.minFill)}`, ok: m.fill >= t.minFill },
    { key: "motion", measured: m.motion.toFixed(1), needed: `≤ ${t.maxMotion}`, ok: m.motion <= t.maxMotion },
  ];
}

/** The measured values against the thresholds, so a person (or an operator tuning them) sees why it waits. */
export function WhyPanel({
  metrics,
  document,
  thresholds,
  t,
}: {
  metrics: FrameMetrics | null;
  document: DocumentDetection | null;
  thresholds: QualityThresholds;
  t: CaptureStrings;
}) {
  return (
    <details className="why-panel">
      <summary>{t.why}</summary>
      <p>{format(t.whyIntro, { frames: thresholds.goodFrames })}</p>
      {metrics && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.check}</th>
              <th scope="col">{t.measured}</th>
              <th scope="col">{t.threshold}</th>
              <th scope="col">
                <span className="visually-hidden">{t.ok}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...rows(metrics, thresholds), ...(document ? documentRows(document, t) : [])].map((row) => (
              <tr key={row.key} data-ok={row.ok}>
                <th scope="row">{t[`check_${row.key}`]}</th>
                <td>{row.measured}</td>
                <td>{row.needed}</td>
                <td>{row.ok ? `✓ ${t.ok}` : `✗ ${t.notOk}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
