/**
 * Our server against the plainest alternative, a bare node:http server around Tencent's official SDK
 * (bare-sdk-server.ts), both in front of the same fake upstream, with the same ~1 MB JPEG as a multipart upload, at 1
 * and 16 connections. Rounds alternate which one runs first, in one process run, so load from other processes on the
 * machine falls on both. Issue 17's targets: at 16 connections our throughput is at least the bare SDK's; at 1
 * connection our median latency is within 1 ms of it, with every check of ours running.
 */
import { startBareSdkServer, startFakeUpstream, startServer, tencentEnv } from "./bench-servers";
import { type LoadFigures, runLoad, unexpected } from "./load-run";
import { jpegOfAbout, multipartUpload } from "./request-bodies";

export const COMPARED_CONNECTIONS = [1, 16] as const;

/**
 * One load run and the server's own CPU time per answer: on a machine shared with other jobs, latency and throughput
 * swing with their load, while CPU per request is what our code costs.
 */
export type MeasuredRun = LoadFigures & { cpuMsPerRequest: number };

export interface SdkComparison {
  imageBytes: number;
  durationSeconds: number;
  rounds: number;
  /** Per connection count, one run of each per round, with the server's CPU ms per answered request. */
  runs: Record<number, { ours: MeasuredRun[]; bare: MeasuredRun[] }>;
  /** Answers other than 200 and connection errors, over all runs. */
  unexpected: { ours: number; bare: number };
}

export async function benchSdkComparison(options: { durationSeconds: number; rounds: number }) {
  const image = await jpegOfAbout(1024 * 1024);
  const upload = multipartUpload(image);
  const fake = await startFakeUpstream();
  const ours = await startServer(tencentEnv(fake.url, { RATE_LIMIT_MAX: "100000000" }));
  const bare = await startBareSdkServer(fake.url);
  try {
    const run = (base: string, connections: number, durationSeconds: number) =>
      runLoad({ url: `${base}/api/passport`, ...upload, connections, durationSeconds });
    const measured = async (server: typeof ours, connections: number): Promise<MeasuredRun> => {
      const before = server.child.cpuMs();
      const figures = await run(server.url, connections, options.durationSeconds);
      return { ...figures, cpuMsPerRequest: (server.child.cpuMs() - before) / Math.max(1, figures.requests) };
    };
    // Warm both (JIT, connection pools) before measuring.
    await run(ours.url, 4, 3);
    await run(bare.url, 4, 3);
    const runs: SdkComparison["runs"] = {};
    for (const connections of COMPARED_CONNECTIONS) runs[connections] = { ours: [], bare: [] };
    for (let round = 0; round < options.rounds; round++) {
      for (const connections of COMPARED_CONNECTIONS) {
        const slot = runs[connections] as { ours: MeasuredRun[]; bare: MeasuredRun[] };
        const order = round % 2 === 0 ? (["bare", "ours"] as const) : (["ours", "bare"] as const);
        for (const which of order) slot[which].push(await measured(which === "ours" ? ours : bare, connections));
      }
    }
    const all = Object.values(runs);
    return {
      imageBytes: image.length,
      durationSeconds: options.durationSeconds,
      rounds: options.rounds,
      runs,
      unexpected: {
        ours: all.flatMap((r) => r.ours).reduce((n, f) => n + unexpected(f, [200]), 0),
        bare: all.flatMap((r) => r.bare).reduce((n, f) => n + unexpected(f, [200]), 0),
      },
    } satisfies SdkComparison;
  } catch (error) {
    console.error(ours.child.output().slice(-4000), bare.child.output().slice(-4000));
    throw error;
  } finally {
    await Promise.all([ours.child.stop(), bare.child.stop()]);
    await fake.child.stop();
  }
}
