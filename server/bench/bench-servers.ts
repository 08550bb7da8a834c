/** The processes a load benchmark needs: the fake Tencent upstream and our built server, each its own Node process. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Child, startChild } from "./child-process";

export const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
export const REPO_DIR = fileURLToPath(new URL("../..", import.meta.url));
export const BENCH_SECRET_ID = "AKIDbenchFakeId";
export const BENCH_SECRET_KEY = "bench-fake-secret-key";

export async function startFakeUpstream(): Promise<{ child: Child; url: string }> {
  const { child, match } = await startChild(
    process.execPath,
    [
      "--import",
      "tsx",
      "test/fake-tencent-cli.ts",
      "--port",
      "0",
      "--secret-id",
      BENCH_SECRET_ID,
      "--secret-key",
      BENCH_SECRET_KEY,
    ],
    { cwd: SERVER_DIR, env: { PATH: process.env.PATH ?? "" }, ready: /fake tencent listening on (http:\/\/\S+)/ },
  );
  return { child, url: match[1] as string };
}

/** The bare node:http + official SDK server (bare-sdk-server.ts) in front of the same fake upstream. */
export async function startBareSdkServer(upstreamUrl: string): Promise<{ child: Child; url: string }> {
  const { child, match } = await startChild(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/bare-sdk-server.ts",
      "--upstream",
      upstreamUrl,
      "--secret-id",
      BENCH_SECRET_ID,
      "--secret-key",
      BENCH_SECRET_KEY,
    ],
    { cwd: SERVER_DIR, env: { PATH: process.env.PATH ?? "" }, ready: /bare sdk listening on (http:\/\/\S+)/ },
  );
  return { child, url: match[1] as string };
}

/**
 * server/dist/index.js (the real entry, as `pnpm start` runs it; BENCH_SERVER_ENTRY overrides) on a free port with the
 * given configuration.
 */
export async function startServer(env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const entry = process.env.BENCH_SERVER_ENTRY ?? `${SERVER_DIR}dist/index.js`;
  if (!existsSync(entry)) throw new Error(`${entry} missing: run pnpm --filter server build`);
  const { child, match } = await startChild(process.execPath, ["--expose-gc", "--import", MEMORY_PROBE, entry], {
    cwd: REPO_DIR,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", ...env },
    ready: /listening on http:\/\/localhost:(\d+)/,
    timeoutMs: 120_000,
  });
  return { child, url: `http://127.0.0.1:${match[1]}` };
}

/**
 * Loaded into the server process by the benchmark only (the server's code is unchanged): on SIGUSR2 it runs a full
 * garbage collection and prints the memory figures, so rounds can be compared on live memory rather than on RSS,
 * which the collector's timing makes swing.
 */
const MEMORY_PROBE = `data:text/javascript,${encodeURIComponent(
  'process.on("SIGUSR2", () => { globalThis.gc?.(); globalThis.gc?.(); console.log("BENCH_MEMORY " + JSON.stringify(process.memoryUsage())); });',
)}`;

export interface MemoryAfterGc {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export async function memoryAfterGc(child: Child): Promise<MemoryAfterGc> {
  const match = await child.ask("SIGUSR2", /BENCH_MEMORY (\{.*\})/);
  return JSON.parse(match[1] as string) as MemoryAfterGc;
}

/**
 * Our server configured for Tencent, pointed at the fake upstream. Every load client is 127.0.0.1 and every call is
 * free here, so the per-address cap and the spend ceiling are lifted; all other checks run as in production.
 */
export function tencentEnv(upstreamUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    OCR_PROVIDER: "tencent",
    TENCENTCLOUD_SECRET_ID: BENCH_SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: BENCH_SECRET_KEY,
    TENCENTCLOUD_ENDPOINT: upstreamUrl,
    UPSTREAM_TIMEOUT_MS: "20000",
    MAX_REQUESTS_PER_CLIENT: "1000",
    UPSTREAM_MAX_PER_MINUTE: "1000000",
    UPSTREAM_MAX_PER_DAY: "100000000",
    ...extra,
  };
}
