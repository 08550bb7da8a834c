/**
 * The offline engine's accuracy and latency come from its own benchmark (server/bench/engine.ts, `pnpm --filter server
 * bench:engine`, owned with the engine): this runs it (smaller, our model only, unless told otherwise) or reads a saved
 * output of a full run, and turns its summary lines into table rows.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { SERVER_DIR } from "./bench-servers";

const run = promisify(execFile);

export interface EngineFigures {
  source: string;
  rows: [string, string, string][];
}

/** Turns bench:engine's printed summary into rows; throws when it has none of them (its format changed). */
export function parseEngineOutput(text: string, source: string): EngineFigures {
  const rows: [string, string, string][] = [];
  for (const line of text.split("\n")) {
    const accuracy = line.match(
      /^(\S+) \| (clean|moderate|hard|rotated|lowres) \| (\d+)\/(\d+) \(([\d.]+%)\) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+)/,
    );
    if (accuracy) {
      const [
        ,
        model,
        condition,
        ,
        total,
        percent,
        wrongVerified,
        wrongCorrected,
        wrongUnchecked,
        notFound,
        unreadable,
      ] = accuracy;
      rows.push([
        `Engine exact MRZ, ${condition} (${model})`,
        `${percent} of ${total}`,
        `wrong but verified ${wrongVerified}, wrong in a corrected or flagged field ${wrongCorrected}, wrong unchecked ${wrongUnchecked}, not found ${notFound}, unreadable ${unreadable}`,
      ]);
    }
    const latency = line.match(/median (\d+) ms, p95 (\d+) ms.*?CPU time (\d+) ms per photo/);
    if (latency) {
      rows.push([
        "Engine latency per 12 MP photo, 1 worker, p50 / p95",
        `${latency[1]} ms / ${latency[2]} ms`,
        `CPU ${latency[3]} ms per photo; targets 400 / 1000 ms`,
      ]);
    }
    const real = line.match(
      /^real-world set: TD3 exact (\d+)\/(\d+), all exact (\d+)\/(\d+), wrong reads without a warning naming the wrong field (\d+).*?median (\d+) ms/,
    );
    if (real) {
      rows.push([
        "Engine real-world set, exact MRZ (TD3 / all)",
        `${real[1]}/${real[2]} / ${real[3]}/${real[4]}`,
        `wrong without a warning naming the field ${real[5]}; median ${real[6]} ms per photo; targets 25/26, 36/40, 0`,
      ]);
    }
    const rss = line.match(/peak RSS with two workers busy.*?: ([\d.]+ ?[MG]B)/);
    if (rss) rows.push(["Engine peak RSS, 2 workers busy", rss[1] ?? "", "target <= 600 MB"]);
  }
  if (rows.length === 0) throw new Error(`no engine figures found in ${source}`);
  return { source, rows };
}

/** A saved bench:engine output (BENCH_ENGINE_OUTPUT), else a run of it with the given size. */
export async function engineFigures(options: { perCondition: number; latency: number }): Promise<EngineFigures> {
  const saved = process.env.BENCH_ENGINE_OUTPUT;
  if (saved) return parseEngineOutput(readFileSync(saved, "utf8"), saved);
  if (!existsSync(join(SERVER_DIR, "bench/engine.ts"))) throw new Error("server/bench/engine.ts missing");
  const args = [
    "--import",
    "tsx",
    "bench/engine.ts",
    "--per-condition",
    String(options.perCondition),
    "--latency",
    String(options.latency),
    "--skip-eng",
  ];
  const { stdout } = await run(process.execPath, args, {
    cwd: SERVER_DIR,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60_000,
  });
  const figures = parseEngineOutput(stdout, `bench:engine --per-condition ${options.perCondition} (this run)`);
  return figures;
}
