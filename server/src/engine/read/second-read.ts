import type { MrzReport } from "contract/mrz/types";
import type { OcrLine } from "./ocr-line";

/** One step of an alignment of `a` with `b`: a column of `a` matched with a column of `b` (the same character or
 *  another), a column of `a` that `b` lacks, or a character of `b` that `a` lacks (before column `i` of `a`). */
type AlignStep =
  | { kind: "match"; i: number; j: number }
  | { kind: "missing"; i: number }
  | { kind: "extra"; i: number };

/** The alignment of `a` with `b` that needs the fewest insertions, deletions and substitutions, last column first. */
function alignment(a: string, b: string): AlignStep[] {
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => i + j));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  const steps: AlignStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      steps.push({ kind: "match", i: --i, j: --j });
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) {
      steps.push({ kind: "missing", i: --i });
    } else {
      steps.push({ kind: "extra", i });
      j--;
    }
  }
  return steps;
}

/**
 * Columns of `a` that an alignment with `b` (fewest insertions, deletions and substitutions) does not match with
 * the same character: substituted, or next to a character `b` has and `a` lacks, or missing from `b`.
 */
export function differingColumns(a: string, b: string): Set<number> {
  const out = new Set<number>();
  for (const step of alignment(a, b)) {
    if (step.kind === "match" && a[step.i] === b[step.j]) continue;
    if (step.kind === "extra") {
      // b has a character a lacks: both neighbours in a are in doubt.
      if (step.i > 0) out.add(step.i - 1);
      if (step.i < a.length) out.add(step.i);
    } else out.add(step.i);
  }
  return out;
}

/** For each column of `a`, the character of `b` the alignment matches with it ("" where `b` lacks it). */
export function alignedCharacters(a: string, b: string): string[] {
  const out = Array.from({ length: a.length }, () => "");
  for (const step of alignment(a, b)) if (step.kind === "match") out[step.i] = b.charAt(step.j);
  return out;
}

/** A field no check digit guards whose characters another read of the band saw differently. */
export interface SecondReadDoubt {
  field: string;
  /** The field as the other read saw it (aligned), for the reviewer. */
  other: string;
}

/**
 * Compares the report's fields with another recognition of the same lines (`others[i]` for `report.lines[i]`, any
 * length; a missing line is not compared): a field where the two differ in any column is in doubt. `which` limits
 * the comparison to the fields no check digit guards (state "unchecked"), or takes every field.
 */
export function secondReadDoubts(
  report: MrzReport,
  others: readonly (OcrLine | null)[],
  which: "unguarded" | "all",
): SecondReadDoubt[] {
  const out: SecondReadDoubt[] = [];
  const differing = report.lines.map((line, i) => {
    const other = others[i];
    return other ? differingColumns(line, other.text) : null;
  });
  for (const f of report.fields) {
    if (which === "unguarded" && f.state !== "unchecked") continue;
    const cols = differing[f.line];
    if (!cols) continue;
    let differs = false;
    for (let c = f.start; c < f.end && !differs; c++) differs = cols.has(c);
    if (differs) out.push({ field: f.name, other: others[f.line]?.text.slice(f.start, f.end) ?? "" });
  }
  if (which === "all") {
    for (const check of report.checks) {
      if (!differing[check.line]?.has(check.column)) continue;
      if (out.some((d) => d.field === check.field)) continue;
      out.push({ field: check.field, other: others[check.line]?.text.charAt(check.column) ?? "" });
    }
  }
  return out;
}
