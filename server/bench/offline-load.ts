/**
 * The offline engine under load, in its own server process: images per second with two workers (closed loop, two
 * clients), and a burst far beyond the queue that must be answered 503 + Retry-After instead of queueing without bound.
 */
import { generatePassport } from "../synthetic/generate-passport";
import { startServer } from "./bench-servers";
import { type LoadFigures, runLoad } from "./load-run";
import { multipartUpload } from "./request-bodies";

export type OfflineBench =
  | { ready: false; reason: string }
  | {
      ready: true;
      workers: number;
      queueMax: number;
      throughput: LoadFigures;
      /** 200 and 422 (no MRZ read) both mean the engine did the work. */
      imagesPerSecond: number;
      burst: { sent: number; statuses: Record<string, number>; busyWithRetryAfter: number; other: number };
      peakRssBytes: number;
    };

export async function benchOffline(options: { durationSeconds: number; burst: number }): Promise<OfflineBench> {
  const workers = 2;
  const queueMax = 4;
  const server = await startServer({
    OCR_PROVIDER: "local",
    LOCAL_WORKERS: String(workers),
    LOCAL_QUEUE_MAX: String(queueMax),
    RATE_LIMIT_MAX: "100000000",
    // The burst comes from one address (127.0.0.1); lift the per-address cap so it reaches the engine's queue.
    MAX_REQUESTS_PER_CLIENT: "1000",
  });
  try {
    // The server listens before its workers have loaded the model: give the engine a minute to become ready.
    let health: { ready?: boolean; detail?: string } = {};
    for (let waited = 0; waited < 60_000 && !health.ready; waited += 500) {
      health = (await (await fetch(`${server.url}/api/health`)).json()) as typeof health;
      if (!health.ready) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (!health.ready) return { ready: false, reason: health.detail ?? "the offline engine reports not ready" };

    const images: Buffer[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      const passport = await generatePassport({ seed: 4_000 + seed, conditions: "moderate" });
      images.push(Buffer.from(passport.image));
    }
    const uploads = images.map(multipartUpload);
    const first = uploads[0];
    if (!first) throw new Error("no image");
    const throughput = await runLoad({
      url: `${server.url}/api/passport`,
      ...first,
      cycle: uploads,
      connections: workers,
      durationSeconds: options.durationSeconds,
    });
    const done = (throughput.statuses["200"] ?? 0) + (throughput.statuses["422"] ?? 0);

    const answers = await Promise.all(
      Array.from({ length: options.burst }, async (_, i) => {
        const upload = uploads[i % uploads.length] ?? first;
        const res = await fetch(`${server.url}/api/passport`, {
          method: "POST",
          headers: upload.headers,
          body: new Uint8Array(upload.body),
        });
        await res.arrayBuffer();
        return { status: res.status, retryAfter: res.headers.get("retry-after") };
      }),
    );
    const statuses: Record<string, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    return {
      ready: true,
      workers,
      queueMax,
      throughput,
      imagesPerSecond: done / options.durationSeconds,
      burst: {
        sent: options.burst,
        statuses,
        busyWithRetryAfter: answers.filter((a) => a.status === 503 && Number(a.retryAfter) > 0).length,
        other: answers.filter((a) => ![200, 422, 503].includes(a.status)).length,
      },
      peakRssBytes: server.child.peakRss(),
    };
  } finally {
    await server.child.stop();
  }
}
