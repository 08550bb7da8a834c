import type { MrzFieldName, MrzFieldState, MrzReport } from "contract/mrz/types";

export type MrzSegmentKind = "field" | "check" | "filler";

/** A run of MRZ characters with one owner: a field, the check digit guarding a field, or filler between fields. */
export interface MrzSegment {
  line: number;
  /** 0-based, inclusive. */
  start: number;
  /** 0-based, exclusive. */
  end: number;
  text: string;
  kind: MrzSegmentKind;
  /** The field the characters belong to (for check digits: the field they guard). */
  field: MrzFieldName | "composite" | null;
  /** Fields: the engine's state. Check digits: verified when they hold, failed when not, corrected when substituted. */
  state: MrzFieldState | null;
  /** Columns in this segment that a correction changed. */
  correctedColumns: number[];
}

interface Owner {
  kind: MrzSegmentKind;
  field: MrzFieldName | "composite" | null;
  state: MrzFieldState | null;
}

const FILLER: Owner = { kind: "filler", field: null, state: null };

/** Splits every MRZ line into segments covering all of its columns, left to right. */
export function buildMrzSegments(report: MrzReport): MrzSegment[][] {
  return report.lines.map((line, lineIndex) => {
    const owners: Owner[] = Array.from({ length: line.length }, () => FILLER);
    for (const field of report.fields) {
      if (field.line !== lineIndex) continue;
      const owner: Owner = { kind: "field", field: field.name, state: field.state };
      for (let column = Math.max(0, field.start); column < Math.min(field.end, line.length); column++) {
        owners[column] = owner;
      }
    }
    const corrected = new Set(
      report.corrections.filter((correction) => correction.line === lineIndex).map((correction) => correction.column),
    );
    for (const check of report.checks) {
      if (check.line !== lineIndex || check.column < 0 || check.column >= line.length) continue;
      const state: MrzFieldState = !check.valid ? "failed" : corrected.has(check.column) ? "corrected" : "verified";
      owners[check.column] = { kind: "check", field: check.field, state };
    }

    const segments: MrzSegment[] = [];
    let start = 0;
    for (let column = 1; column <= line.length; column++) {
      if (column < line.length && owners[column] === owners[start]) continue;
      const owner = owners[start] ?? FILLER;
      const correctedColumns: number[] = [];
      for (let c = start; c < column; c++) if (corrected.has(c)) correctedColumns.push(c);
      segments.push({
        line: lineIndex,
        start,
        end: column,
        text: line.slice(start, column),
        kind: owner.kind,
        field: owner.field,
        state: owner.state,
        correctedColumns,
      });
      start = column;
    }
    return segments;
  });
}

/** The longest line length: the number of character cells across the band. */
export function mrzColumns(report: MrzReport): number {
  return report.lines.reduce((max, line) => Math.max(max, line.length), 0);
}
