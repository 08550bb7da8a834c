/**
 * Proxy under load: the same ~1 MB image sent straight to the fake upstream (signed as our server would sign it) and
 * through our server (multipart upload), side by side, round after round, at the same concurrency. Our server is its
 * own process so its peak memory is its own.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type MemoryAfterGc, memoryAfterGc, startFakeUpstream, startServer, tencentEnv } from "./bench-servers";
import type { Child } from "./child-process";
import { type LoadFigures, runLoad, unexpected } from "./load-run";
import { jpegOfAbout, multipartUpload, signedUpstreamCall } from "./request-bodies";

export interface ProxyRound {
  direct: LoadFigures;
  proxy: LoadFigures;
  /** Server RSS after the round, once idle. */
  rssAfterBytes: number;
  /** Live memory after the round and a full garbage collection. */
  afterGc: MemoryAfterGc;
}

export interface ProxyBench {
  imageBytes: number;
  connections: number;
  durationSeconds: number;
  /** One connection, no queueing: what the proxy itself adds to one call. */
  unloaded: { direct: LoadFigures; proxy: LoadFigures };
  rounds: ProxyRound[];
  /** Live memory after warm-up and a full garbage collection: the baseline for growth. */
  warmGc: MemoryAfterGc;
  peakRssBytes: number;
  /** Responses that were neither 200 nor a configured 429, plus connection errors, over all proxied runs. */
  unexpectedErrors: number;
}

/**
 * Live memory once the calls a run left in flight (cut off at its end) have finished: the smallest of three samples
 * two seconds apart, each after a full collection.
 */
async function settledMemory(child: Child): Promise<MemoryAfterGc> {
  let best: MemoryAfterGc | undefined;
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sleep(2_000);
    const sample = await memoryAfterGc(child);
    if (!best || sample.heapUsed + sample.external < best.heapUsed + best.external) best = sample;
  }
  return best as MemoryAfterGc;
}

export async function benchProxy(options: { durationSeconds: number; rounds: number; connections: number }) {
  const image = await jpegOfAbout(1024 * 1024);
  const upload = multipartUpload(image);
  const fake = await startFakeUpstream();
  const server = await startServer(tencentEnv(fake.url, { RATE_LIMIT_MAX: "100000000" }));
  try {
    const direct = async (connections: number, durationSeconds: number) => {
      const call = await signedUpstreamCall(image, fake.url);
      return runLoad({ url: `${fake.url}/`, ...call, connections, durationSeconds });
    };
    const proxy = (connections: number, durationSeconds: number) =>
      runLoad({ url: `${server.url}/api/passport`, ...upload, connections, durationSeconds });

    // Warm both paths (JIT, connection pools) before measuring.
    await proxy(4, 2);
    await direct(4, 2);
    const warmGc = await settledMemory(server.child);

    const unloadedSeconds = Math.max(3, Math.round(options.durationSeconds / 4));
    const unloaded = { direct: await direct(1, unloadedSeconds), proxy: await proxy(1, unloadedSeconds) };
    const rounds: ProxyRound[] = [];
    for (let i = 0; i < options.rounds; i++) {
      const d = await direct(options.connections, options.durationSeconds);
      const p = await proxy(options.connections, options.durationSeconds);
      await sleep(2_000);
      const rssAfterBytes = server.child.rss();
      rounds.push({ direct: d, proxy: p, rssAfterBytes, afterGc: await settledMemory(server.child) });
    }
    const unexpectedErrors = [unloaded.proxy, ...rounds.map((r) => r.proxy)].reduce(
      (sum, run) => sum + unexpected(run, [200, 429]),
      0,
    );
    return {
      imageBytes: image.length,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      unloaded,
      rounds,
      warmGc,
      peakRssBytes: server.child.peakRss(),
      unexpectedErrors,
    } satisfies ProxyBench;
  } catch (error) {
    console.error(server.child.output().slice(-4000));
    throw error;
  } finally {
    await server.child.stop();
    await fake.child.stop();
  }
}
