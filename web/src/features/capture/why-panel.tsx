import { format } from "../../i18n/i18n";
import type { CaptureStrings } from "../../i18n/strings/capture";
import type { FrameMetrics } from "./frame-metrics";
import type { QualityThresholds } from "./quality-thresholds";

interface Row {
  key: "brightness" | "glare" | "sharpness" | "fill" | "motion";
  measured: string;
  needed: string;
  ok: boolean;
}

function rows(m: FrameMetrics, t: QualityThresholds): Row[] {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
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
  thresholds,
  t,
}: {
  metrics: FrameMetrics | null;
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
            {rows(metrics, thresholds).map((row) => (
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
