import type { MrzReport } from "contract/mrz/types";
import type { Warning } from "contract/warning";
import { makeWarning } from "contract/warning-catalogue";
import { round } from "../round";
import { confidenceWarnings } from "./field-confidence";
import type { SecondReadDoubt } from "./second-read";

/** What the engine knows about one read beyond its report: the recogniser's confidences and its second opinion. */
export interface ReadEvidence {
  report: MrzReport;
  confidences: number[][];
  secondRead?: SecondReadDoubt[] | undefined;
  namesRefitted?: boolean | undefined;
  /** Height of the capitals as captured, in photo pixels. */
  capHeightPx?: number | undefined;
  /** Fields no check digit guards that glare lies over (quality/glare.ts fieldsUnderGlare). */
  underGlare?: readonly string[] | undefined;
}

/** Capitals captured smaller than this (pixels) leave every field no check digit guards in doubt: at 8-9 px the
 *  recogniser misread 52 of 108 small training-range captures (the names mostly), some alike in every read. */
export const UNGUARDED_LEGIBLE_FROM_PX = 10;

/** Fields the composite check digit covers (in every format that has one). */
const COMPOSITE_FIELDS: ReadonlySet<string> = new Set([
  "documentNumber",
  "birthDate",
  "expiryDate",
  "optionalData1",
  "optionalData2",
]);

/**
 * One low_confidence warning per field whose read is in doubt, so that no field can be wrong without a warning
 * naming it: a character the recogniser scored under its threshold (confidenceWarnings); a second recognition that
 * saw the field differently; every field a failed check digit guards, when the read does not hold (the composite
 * guards several); the names, when their line was read with the wrong number of characters; every field no check
 * digit guards, when the capitals were captured too small to tell their letters apart, or that glare lies over.
 */
export function readDoubtWarnings(read: ReadEvidence): Warning[] {
  const { report } = read;
  const state = (field: string) => report.fields.find((f) => f.name === field)?.state ?? "failed";
  const all = [
    ...confidenceWarnings(report, read.confidences),
    ...(read.secondRead ?? []).map((d) =>
      makeWarning("low_confidence", { field: d.field, details: { secondRead: d.other, state: state(d.field) } }),
    ),
    ...report.checks
      .filter((c) => !c.valid)
      .flatMap((c) =>
        c.field === "composite"
          ? ["composite", ...report.fields.filter((f) => COMPOSITE_FIELDS.has(f.name)).map((f) => f.name)]
          : [c.field],
      )
      .map((field) => makeWarning("low_confidence", { field, details: { failedCheck: true, state: "failed" } })),
    ...(read.namesRefitted
      ? (["surname", "givenNames"] as const).map((field) =>
          makeWarning("low_confidence", { field, details: { namesLineRefitted: true, state: state(field) } }),
        )
      : []),
    ...(read.capHeightPx !== undefined && read.capHeightPx < UNGUARDED_LEGIBLE_FROM_PX
      ? report.fields
          .filter((f) => f.state === "unchecked")
          .map((f) =>
            makeWarning("low_confidence", {
              field: f.name,
              details: {
                capHeightPx: round(read.capHeightPx ?? 0, 1),
                threshold: UNGUARDED_LEGIBLE_FROM_PX,
                state: f.state,
              },
            }),
          )
      : []),
    ...(read.underGlare ?? []).map((field) =>
      makeWarning("low_confidence", { field, details: { underGlare: true, state: state(field) } }),
    ),
  ];
  return all.filter((w, i) => all.findIndex((x) => x.field === w.field) === i);
}
