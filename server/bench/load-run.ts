/** One bounded autocannon run against 127.0.0.1, reduced to the figures the benchmark reports. */
import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: Buffer;
  connections: number;
  durationSeconds: number;
  /** Bodies to cycle through, each connection in turn (instead of one body). */
  cycle?: { body: Buffer; headers: Record<string, string> }[];
  /** Requests per second for the whole run (closed loop when absent). */
  overallRate?: number;
}

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  timeouts: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const host = new URL(options.url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`load runs only against this machine, not ${host}`);
  const result = await autocannon({
    url: options.url,
    method: options.method ?? "POST",
    headers: options.headers ?? {},
    ...(options.body ? { body: options.body } : {}),
    ...(options.cycle
      ? { requests: options.cycle.map((r) => ({ method: options.method ?? "POST", body: r.body, headers: r.headers })) }
      : {}),
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    timeout: 30,
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count ?? 0;
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requests: answered,
    requestsPerSecond: answered / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Statuses other than the allowed ones, plus connection errors: what a run must not have. */
export function unexpected(figures: LoadFigures, allowed: number[]): number {
  let count = figures.errors;
  for (const [code, n] of Object.entries(figures.statuses)) if (!allowed.includes(Number(code))) count += n;
  return count;
}
