import type { MiddlewareHandler } from "hono";

/** One line per request. Never the body, the query string, headers or the client address: no personal data. */
export interface AccessLogEntry {
  time: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Declared request size in bytes, when the client sent Content-Length. */
  bytesIn: number | null;
  /** Our error code, when the request failed. */
  error?: string;
}

export type AccessLogSink = (entry: AccessLogEntry) => void;

export const jsonLinesToStdout: AccessLogSink = (entry) => {
  console.log(JSON.stringify(entry));
};

/** Paths that carry a secret (a customer's link token) are logged by their pattern only. */
export function loggablePath(path: string): string {
  return path.replace(/^\/s\/[^/]+/, "/s/:token").replace(/^\/h\/[^/]+/, "/h/:token");
}

export function accessLog(sink: AccessLogSink): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const length = c.req.header("content-length");
    const error = c.res.headers.get("x-error-code");
    sink({
      time: new Date().toISOString(),
      requestId: c.get("requestId" as never) ?? "",
      method: c.req.method,
      path: loggablePath(c.req.path),
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      bytesIn: length && /^\d+$/.test(length) ? Number(length) : null,
      ...(error ? { error } : {}),
    });
  };
}
