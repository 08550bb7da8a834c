/**
 * How one engine answer compares with the truth: exact, refused, or wrong, and then which fields are wrong and
 * whether a warning that doubts the read names each of them (the failure that must never happen is a wrong field
 * no such warning names).
 */
import type { MrzReport } from "contract/mrz/types";
import type { Warning } from "contract/warning";
import { doubtedFields } from "../src/engine/read-passport-image";

export interface WrongField {
  /** MRZ field name (a column between fields counts for the field before it), "composite" for the composite check
   *  digit, "filler" for columns before every field, or
   *  "shape" when the read has another line count or length than the truth. */
  name: string;
  /** The field's state in the report (verified, corrected, failed, unchecked). */
  state: string;
  /** A doubting warning names it. */
  flagged: boolean;
}

export type ReadOutcome =
  | { kind: "exact" }
  | { kind: "wrong"; fields: WrongField[] }
  | { kind: "refused"; code: string };

/**
 * Compares a report's lines with the truth column by column; each wrong column counts against the field holding it,
 * or the field its check digit guards.
 */
export function readOutcome(report: MrzReport, warnings: readonly Warning[], truth: readonly string[]): ReadOutcome {
  const lines = report.lines;
  if (lines.join("\n") === truth.join("\n")) return { kind: "exact" };
  const doubted = doubtedFields(warnings);
  if (lines.length !== truth.length || lines.some((l, i) => l.length !== truth[i]?.length)) {
    return { kind: "wrong", fields: [{ name: "shape", state: report.valid ? "verified" : "failed", flagged: false }] };
  }
  const wrong = new Map<string, WrongField>();
  for (const [li, line] of lines.entries()) {
    for (let c = 0; c < line.length; c++) {
      if (line[c] === truth[li]?.[c]) continue;
      const check = report.checks.find((k) => k.line === li && k.column === c);
      // A column between fields (the "<<" between surname and given names) belongs to the field before it.
      const field =
        report.fields.find((f) => f.line === li && c >= f.start && c < f.end) ??
        (check ? undefined : report.fields.filter((f) => f.line === li && f.end <= c).sort((p, q) => q.end - p.end)[0]);
      const name = field?.name ?? check?.field ?? "filler";
      const state =
        field?.state ?? (check ? (check.valid ? "verified" : "failed") : report.valid ? "verified" : "failed");
      if (!wrong.has(name)) wrong.set(name, { name, state, flagged: doubted.has(name) });
    }
  }
  return { kind: "wrong", fields: [...wrong.values()] };
}

/** A wrong read with a wrong field no doubting warning names. */
export const unflaggedWrong = (o: ReadOutcome): boolean => o.kind === "wrong" && o.fields.some((f) => !f.flagged);
