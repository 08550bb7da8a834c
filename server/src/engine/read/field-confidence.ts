import { NUMBER_FIELDS } from "contract/mrz/mrz-layout";
import type { MrzFieldName, MrzReport } from "contract/mrz/types";
import type { DocumentFields, PassportResult } from "contract/result";
import type { Warning } from "contract/warning";
import { makeWarning } from "contract/warning-catalogue";
import { QUALITY_THRESHOLDS } from "../quality/quality-thresholds";
import { round } from "../round";

/** Field confidence: the weakest character of the field, as recognised. */
export function fieldConfidences(report: MrzReport, confidences: number[][]): PassportResult["confidence"] {
  const min = (name: MrzFieldName): number | undefined => {
    const f = report.fields.find((x) => x.name === name);
    if (!f) return undefined;
    const slice = confidences[f.line]?.slice(f.start, f.end) ?? [];
    return slice.length ? round(Math.min(...slice), 3) : undefined;
  };
  const all = confidences.flat();
  const map: Partial<Record<keyof DocumentFields, MrzFieldName>> = {
    type: "documentCode",
    number: "documentNumber",
    surname: "surname",
    givenNames: "givenNames",
    nationality: "nationality",
    issuingCountry: "issuingState",
    birthDate: "birthDate",
    expiryDate: "expiryDate",
    sex: "sex",
  };
  const out: PassportResult["confidence"] = {};
  for (const [key, name] of Object.entries(map) as [keyof DocumentFields, MrzFieldName][]) {
    const c = min(name);
    if (c !== undefined) out[key] = c;
  }
  if (out.surname !== undefined && out.givenNames !== undefined) out.fullName = Math.min(out.surname, out.givenNames);
  if (all.length) out.mrz = round(all.reduce((s, c) => s + c, 0) / all.length, 3);
  return out;
}

/** One low_confidence warning per MRZ field whose weakest character scored under its threshold: the guard for
 *  fields no check digit protects (names, country codes, sex), and a second one for numbers. */
export function confidenceWarnings(report: MrzReport, confidences: number[][]): Warning[] {
  const out: Warning[] = [];
  for (const f of report.fields) {
    const slice = confidences[f.line]?.slice(f.start, f.end) ?? [];
    if (!slice.length) continue;
    const t = NUMBER_FIELDS.has(f.name) ? QUALITY_THRESHOLDS.numberConfidence : QUALITY_THRESHOLDS.fieldConfidence;
    const min = Math.min(...slice);
    if (min < t) {
      out.push(
        makeWarning("low_confidence", {
          field: f.name,
          details: { confidence: round(min, 3), threshold: t, state: f.state },
        }),
      );
    }
  }
  return out;
}
