import { type Context, Hono, type MiddlewareHandler } from "hono";
import { type RequestIdVariables, requestId } from "hono/request-id";
import type { Store } from "hono-rate-limiter";
import { AppError } from "./errors";
import { type AccessLogSink, accessLog } from "./http/access-log";
import { concurrencyLimit } from "./http/concurrency-limit";
import { originGuard } from "./http/origin-guard";
import { rateLimit } from "./http/rate-limit";
import { securityHeaders } from "./http/security-headers";
import type { PassportProvider } from "./passport/provider";
import { passportRoute } from "./passport/route";

export interface AppDeps {
  provider: PassportProvider;
  /** Origins allowed to call the API from another origin (CORS). Empty: same origin only. */
  corsAllowOrigins?: readonly string[];
  rateLimit?: { max: number; windowMs: number; store?: Store };
  /** Image requests processed at once and waiting; bounds memory under load (see http/concurrency-limit.ts). */
  concurrency?: { maxInFlight: number; maxQueued: number };
  /** Identifies the client for rate limiting (the runtime knows the socket address; app.ts does not). */
  clientKey?: (c: Context) => string;
  accessLog?: AccessLogSink;
  /** Serves the built web app for everything outside /api (Node: serve-static; edge: the platform's assets). */
  assets?: MiddlewareHandler;
}

export const DEFAULT_RATE_LIMIT = { max: 30, windowMs: 60_000 };
export const DEFAULT_CONCURRENCY = { maxInFlight: 16, maxQueued: 64 };

export function createApp(deps: AppDeps) {
  const limits = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  const app = new Hono<{ Variables: RequestIdVariables }>()
    .use(requestId())
    .use(accessLog(deps.accessLog ?? (() => {})))
    .use(securityHeaders())
    .use("/api/*", ...originGuard(deps.corsAllowOrigins ?? []))
    .use("/api/passport", rateLimit({ ...limits, clientKey: deps.clientKey ?? (() => "unknown") }))
    .use("/api/passport", concurrencyLimit(deps.concurrency ?? DEFAULT_CONCURRENCY))
    .get("/api/health", async (c) => {
      const health = await deps.provider.health();
      return c.json(health, health.ready ? 200 : 503);
    })
    .route("/api/passport", passportRoute(deps.provider))
    .all("/api/*", () => {
      throw new AppError("not_found");
    });
  if (deps.assets) app.use("*", deps.assets);
  app.onError((err, c) => {
    const error = err instanceof AppError ? err : new AppError("internal_error");
    if (!(err instanceof AppError)) console.error(`[${c.get("requestId")}] unhandled error: ${describe(err)}`);
    if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
    c.header("X-Error-Code", error.code);
    c.header("Cache-Control", "no-store");
    return c.json(error.toBody(), error.status);
  });
  return app;
}

/** Name and message of an unexpected error, never its data (which might hold image bytes). */
function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message.slice(0, 200)}`;
  return typeof err;
}

export type AppType = ReturnType<typeof createApp>;
