/**
 * MRZ engine benchmark (not a test). Prints parse+verify throughput (per CPU second) and the time to correct 1, 2 and 3 injected
 * OCR confusions (median and p99), with what became of the reads. Run: pnpm --filter server bench:mrz
 */

import { injectConfusions, mrzDataArbitrary } from "contract/mrz/mrz-arbitraries";
import { parseMrz } from "contract/mrz/parse-mrz";
import type { MrzFormat } from "contract/mrz/types";
import { writeMrz } from "contract/mrz/write-mrz";
import fc from "fast-check";

const today = new Date("2026-11-25T12:00:00Z");
const SEED = 20261125;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

function documents(format: MrzFormat, n: number): string[][] {
  return fc.sample(mrzDataArbitrary(format), { numRuns: n, seed: SEED }).map(writeMrz);
}

function throughput(format: MrzFormat, correct: boolean): number {
  const docs = documents(format, 2000);
  for (const d of docs) parseMrz(d, { today, correct }); // warm-up
  // CPU time of this process, not wall time: the machine is shared, and the target is "on one core".
  let count = 0;
  const start = process.cpuUsage();
  const cpuSeconds = () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e6;
  };
  while (cpuSeconds() < 1) {
    for (const d of docs) parseMrz(d, { today, correct });
    count += docs.length;
  }
  return count / cpuSeconds();
}

function corrections(format: MrzFormat, errors: number, n: number) {
  const unit = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((x) => x / 1_000_000);
  const picks = fc.array(fc.tuple(unit, unit), { minLength: errors, maxLength: errors });
  const cases = fc.sample(fc.tuple(mrzDataArbitrary(format), picks), { numRuns: n, seed: SEED + errors });
  const times: number[] = [];
  let recovered = 0;
  let refused = 0;
  let other = 0;
  for (const [data, p] of cases) {
    const lines = writeMrz(data);
    const bad = injectConfusions(format, lines, p);
    const t0 = performance.now();
    const r = parseMrz(bad, { today });
    times.push(performance.now() - t0);
    if (r.valid && r.lines.join("") === lines.join("")) recovered++;
    else if (!r.valid) refused++;
    else other++;
  }
  times.sort((a, b) => a - b);
  return {
    median: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1) ?? 0,
    recovered,
    refused,
    other,
    n,
  };
}

console.log(`MRZ engine benchmark (Node ${process.version}, one core)`);
for (const format of ["TD3", "TD1", "TD2", "MRVA"] as const) {
  const withCorrection = throughput(format, true);
  const verifyOnly = throughput(format, false);
  console.log(
    `${format}: parse+verify ${Math.round(withCorrection).toLocaleString("en")} reads/s (correct on, clean input); ` +
      `${Math.round(verifyOnly).toLocaleString("en")} reads/s (correct off)`,
  );
}
for (const format of ["TD3", "TD1"] as const) {
  for (const errors of [1, 2, 3]) {
    const c = corrections(format, errors, 2000);
    console.log(
      `${format} ${errors} confusion${errors > 1 ? "s" : ""}: median ${(c.median * 1000).toFixed(0)} us, ` +
        `p99 ${(c.p99 * 1000).toFixed(0)} us, max ${(c.max * 1000).toFixed(0)} us; ` +
        `recovered ${c.recovered}/${c.n}, refused ${c.refused}, other (incl. check-digit-blind swaps) ${c.other}`,
    );
  }
}
