/**
 * The offline engine's accuracy and latency come from its own benchmark (server/bench/engine.ts, `pnpm --filter server
 * bench:engine`, owned with the engine). This reads the JSON it writes; it does not re-run 300+ images here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SERVER_DIR } from "./bench-servers";

export interface EngineFigures {
  source: string;
  rows: [string, string, string][];
}

export const ENGINE_RESULTS = process.env.BENCH_ENGINE_JSON ?? join(SERVER_DIR, "bench/engine-results.json");

export function readEngineFigures(): EngineFigures {
  if (!existsSync(ENGINE_RESULTS)) {
    return {
      source: ENGINE_RESULTS,
      rows: [["Engine accuracy and latency", "pending", `no ${ENGINE_RESULTS}: run pnpm --filter server bench:engine`]],
    };
  }
  const raw = JSON.parse(readFileSync(ENGINE_RESULTS, "utf8")) as unknown;
  return { source: ENGINE_RESULTS, rows: [["Engine results", "see notes", JSON.stringify(raw).slice(0, 200)]] };
}
