import { type Context, Hono, type MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { type RequestIdVariables, requestId } from "hono/request-id";
import type { Store } from "hono-rate-limiter";
import type { AgentAuth } from "./desk/agent-auth";
import { deskRoutes } from "./desk/desk-routes";
import type { DeskService } from "./desk/desk-service";
import { AppError } from "./errors";
import { type AccessLogSink, accessLog } from "./http/access-log";
import { concurrencyLimit } from "./http/concurrency-limit";
import { originGuard } from "./http/origin-guard";
import { rateLimit } from "./http/rate-limit";
import { securityHeaders } from "./http/security-headers";
import type { PassportProvider } from "./passport/provider";
import { passportRoute } from "./passport/route";
import { apiDocsRoutes } from "./sessions/api-docs";
import { customerRoutes } from "./sessions/customer-routes";
import { openApiDocument } from "./sessions/openapi-document";
import type { SessionService } from "./sessions/session-service";
import { v1Routes } from "./sessions/v1-routes";
import type { DataKeys } from "./storage/data-key";
import type { Queryable } from "./storage/database";

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
  /** Verification sessions (the integrator API, the customer's link); without it only the try-it flow runs. */
  sessions?: SessionsDeps;
  /** Swagger UI's files for /api/docs/assets/* (Node: serve-static from swagger-ui-dist). */
  docsAssets?: MiddlewareHandler;
  /** The agents' back office (/api/desk); needs sessions. */
  desk?: { auth: AgentAuth; service: DeskService; secureCookies: boolean };
}

export interface SessionsDeps {
  db: Queryable;
  keys: DataKeys;
  service: SessionService;
  publicUrl?: string | undefined;
  maxReadsPerSession: number;
  requireSession: boolean;
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
    .route(
      "/api/passport",
      passportRoute(
        deps.provider,
        deps.sessions && { sessions: deps.sessions.service, requireSession: deps.sessions.requireSession },
      ),
    );
  if (deps.sessions) {
    const v1 = v1Routes({ ...deps.sessions, sessions: deps.sessions.service });
    app
      .route("/api/v1", v1)
      .route("/api/customer", customerRoutes(deps.sessions.service, deps.sessions.publicUrl))
      .get("/api/openapi.json", (c) => c.json(openApiDocument(v1)))
      .route("/api/docs", apiDocsRoutes(deps.docsAssets));
    if (deps.desk) {
      app.route(
        "/api/desk",
        deskRoutes({
          ...deps.desk,
          db: deps.sessions.db,
          keys: deps.sessions.keys,
          desk: deps.desk.service,
          sessions: deps.sessions.service,
          publicUrl: deps.sessions.publicUrl,
          maxReadsPerSession: deps.sessions.maxReadsPerSession,
          clientKey: deps.clientKey ?? (() => "unknown"),
        }),
      );
    }
  }
  app.all("/api/*", () => {
    throw new AppError("not_found");
  });
  if (deps.assets) app.use("*", deps.assets);
  app.onError((err, c) => {
    const error =
      err instanceof AppError
        ? err
        : err instanceof HTTPException && err.status === 400
          ? new AppError("malformed_json")
          : new AppError("internal_error");
    if (!(err instanceof AppError) && !(err instanceof HTTPException))
      console.error(`[${c.get("requestId")}] unhandled error: ${describe(err)}`);
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
