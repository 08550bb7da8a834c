/**
 * The offline engine on the real-world set (bench/real-world-set.ts): every photo through the provider with one
 * worker, one at a time, so the time per photo is the engine's. Prints one row per document and the totals the issue
 * sets targets on (TD3 exact of 26, all exact of 40, wrong reads without a warning naming the wrong field).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../src/errors";
import type { LocalProvider } from "../src/passport/local/provider";
import { type ReadOutcome, readOutcome, unflaggedWrong } from "./read-outcome";
import { loadRealWorldSet, mediaTypeOf, type RealDocument } from "./real-world-set";

export interface RealWorldRow {
  doc: RealDocument;
  outcome: ReadOutcome;
  ms: number;
}

export interface RealWorldTotals {
  td3Exact: number;
  td3: number;
  exact: number;
  total: number;
  /** Wrong reads with at least one wrong field no doubting warning names. */
  unflaggedWrong: number;
  /** Wrong reads (every wrong field named or not) and refusals. */
  wrong: number;
  refused: number;
  medianMs: number;
}

/** Reads every document of the set in `dir`, one at a time. */
export async function runRealWorld(provider: LocalProvider, dir: string): Promise<RealWorldRow[]> {
  const rows: RealWorldRow[] = [];
  for (const doc of loadRealWorldSet(dir)) {
    const image = new Uint8Array(readFileSync(join(dir, doc.file)));
    const t0 = performance.now();
    let outcome: ReadOutcome;
    try {
      const result = await provider.recognize({
        image,
        mediaType: mediaTypeOf(doc.file),
        portrait: false,
        requestId: "bench-real",
        client: "bench",
        signal: new AbortController().signal,
      });
      outcome = result.mrz
        ? readOutcome(result.mrz, result.warnings, doc.lines)
        : { kind: "refused", code: "no_mrz_in_result" };
    } catch (err) {
      outcome = { kind: "refused", code: err instanceof AppError ? err.code : `error: ${String(err)}` };
    }
    rows.push({ doc, outcome, ms: performance.now() - t0 });
  }
  return rows;
}

export function realWorldTotals(rows: readonly RealWorldRow[]): RealWorldTotals {
  const td3 = rows.filter((r) => r.doc.format === "TD3");
  const times = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    td3Exact: td3.filter((r) => r.outcome.kind === "exact").length,
    td3: td3.length,
    exact: rows.filter((r) => r.outcome.kind === "exact").length,
    total: rows.length,
    unflaggedWrong: rows.filter((r) => unflaggedWrong(r.outcome)).length,
    wrong: rows.filter((r) => r.outcome.kind === "wrong").length,
    refused: rows.filter((r) => r.outcome.kind === "refused").length,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
  };
}

/** One table row: file | format | outcome | wrong fields (each `name:state`, `flagged` or `NOT FLAGGED`) | ms. */
export function formatRealWorldRow(row: RealWorldRow): string {
  const o = row.outcome;
  const outcome = o.kind === "exact" ? "exact" : o.kind === "refused" ? o.code : "wrong";
  const fields =
    o.kind === "wrong"
      ? o.fields.map((f) => `${f.name}:${f.state} ${f.flagged ? "flagged" : "NOT FLAGGED"}`).join(", ")
      : "";
  return `real | ${row.doc.file} | ${row.doc.format} | ${outcome} | ${fields} | ${row.ms.toFixed(0)} ms`;
}

export function formatRealWorldTotals(t: RealWorldTotals): string {
  return `real-world set: TD3 exact ${t.td3Exact}/${t.td3}, all exact ${t.exact}/${t.total}, wrong reads without a warning naming the wrong field ${t.unflaggedWrong} (wrong ${t.wrong}, refused ${t.refused}); median ${t.medianMs.toFixed(0)} ms per photo, one worker; targets TD3 >= 25/26, all >= 36/40, 0 unflagged`;
}
