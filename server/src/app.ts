import { CUSTOMER_CONFIG_PATH, type CustomerConfig, DEFAULT_CUSTOMER_CONFIG } from "contract/customer-config";
import { MAX_BODY_BYTES } from "contract/image-limits";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { RequestIdVariables } from "hono/request-id";
import type { Store } from "hono-rate-limiter";
import type { AgentAuth } from "./desk/agent-auth";
import { deskRoutes } from "./desk/desk-routes";
import type { DeskService } from "./desk/desk-service";
import { AppError } from "./errors";
import { type AccessLogSink, accessLog } from "./http/access-log";
import { boundedBody, SMALL_BODY_BYTES } from "./http/bounded-body";
import { type ClientVariables, clientAddress } from "./http/client-address";
import { errorResponse } from "./http/error-response";
import { healthRoute } from "./http/health-route";
import { hostGuard } from "./http/host-guard";
import type { IpRange } from "./http/ip-address";
import { noStore } from "./http/no-store";
import { type OperatorEventSink, operatorLog } from "./http/operator-log";
import { originGuard } from "./http/origin-guard";
import { rateLimit } from "./http/rate-limit";
import { requestId } from "./http/request-id";
import { securityHeaders } from "./http/security-headers";
import { type UploadGateOptions, uploadGate } from "./http/upload-gate";
import type { PassportProvider } from "./passport/provider";
import { passportRoute, sessionTokenRequired } from "./passport/route";
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
  /** Host names we answer to besides PUBLIC_URL's, localhost and IP addresses (ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** The public origin (PUBLIC_URL): customers' links use it, and browsers on it are same-origin. */
  publicUrl?: string | undefined;
  /** Image reads per client address per window (RATE_LIMIT_MAX). */
  rateLimit?: { max: number; windowMs: number; store?: Store };
  /** /api/v1 requests per API key and /api/customer requests per client address, per rateLimit's window. */
  apiRateLimitMax?: number;
  customerRateLimitMax?: number;
  /** How image uploads are read, queued and processed (see http/upload-gate.ts). */
  uploads?: Partial<Omit<UploadGateOptions, "maxBodyBytes">>;
  /** The socket's peer address (the runtime knows it; app.ts does not). */
  remoteAddress?: (c: Context) => string | undefined;
  /** Reverse proxies whose forwarding headers are believed (TRUSTED_PROXIES). */
  trustedProxies?: readonly IpRange[];
  /** Shows the operator's detail on GET /api/health to `Authorization: Bearer <token>` (OPERATOR_TOKEN). */
  operatorToken?: string | undefined;
  /** Where failures the operator must fix are logged. */
  operatorLog?: OperatorEventSink;
  accessLog?: AccessLogSink;
  /** Serves the built web app for everything outside /api (Node: serve-static; edge: the platform's assets). */
  assets?: MiddlewareHandler;
  /** Verification sessions (the integrator API, the customer's link); without it only the try-it flow runs. */
  sessions?: SessionsDeps;
  /** Swagger UI's files for /api/docs/assets/* (Node: serve-static from swagger-ui-dist). */
  docsAssets?: MiddlewareHandler;
  /** The operator's settings for the customer's page (consent intro, policies); public, from the environment. */
  customerConfig?: CustomerConfig;
  /** The agents' back office (/api/desk); needs sessions. */
  desk?: { auth: AgentAuth; service: DeskService; secureCookies: boolean };
}

export interface SessionsDeps {
  db: Queryable;
  keys: DataKeys;
  service: SessionService;
  maxReadsPerSession: number;
  requireSession: boolean;
}

export const DEFAULT_RATE_LIMIT = { max: 30, windowMs: 60_000 };
export const DEFAULT_UPLOADS: Omit<UploadGateOptions, "maxBodyBytes"> = {
  maxInFlight: 16,
  maxQueued: 64,
  maxPerClient: 4,
  readTimeoutMs: 30_000,
  queueTimeoutMs: 15_000,
};

export function createApp(deps: AppDeps) {
  const limits = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  const uploadOptions = { ...DEFAULT_UPLOADS, ...deps.uploads, maxBodyBytes: MAX_BODY_BYTES };
  const uploads = uploadGate(uploadOptions);
  const operator = operatorLog(deps.operatorLog ?? (() => {}));
  const byAddress = (c: Context) => (c as Context<{ Variables: ClientVariables }>).get("clientAddress");
  const sessionReads = deps.sessions && {
    sessions: deps.sessions.service,
    requireSession: deps.sessions.requireSession,
  };
  const smallBodies = boundedBody({ maxBytes: SMALL_BODY_BYTES, timeoutMs: uploadOptions.readTimeoutMs });
  const app = new Hono<{ Variables: RequestIdVariables & ClientVariables }>()
    .use(
      clientAddress({
        remoteAddress: deps.remoteAddress ?? (() => undefined),
        trustedProxies: deps.trustedProxies ?? [],
      }),
    )
    .use(requestId())
    .use(accessLog(deps.accessLog ?? (() => {})))
    .use(hostGuard({ allowedHosts: deps.allowedHosts ?? [], publicUrl: deps.publicUrl }))
    .use(securityHeaders())
    .use("/api/*", noStore())
    .use("/api/*", ...originGuard(deps.corsAllowOrigins ?? [], deps.publicUrl))
    .use("/api/passport", rateLimit({ ...limits, clientKey: byAddress }))
    .use("/api/passport", sessionTokenRequired(sessionReads))
    .use("/api/passport", uploads.middleware)
    .get(CUSTOMER_CONFIG_PATH, (c) => {
      // The page's settings hold no personal data: revalidated, not forbidden to caches.
      c.header("Cache-Control", "no-cache");
      return c.json(deps.customerConfig ?? DEFAULT_CUSTOMER_CONFIG);
    })
    .route(
      "/api/health",
      healthRoute({
        provider: deps.provider,
        uploads: uploads.status,
        operatorLog: operator,
        operatorToken: deps.operatorToken,
      }),
    )
    .route("/api/passport", passportRoute(deps.provider, sessionReads));
  if (deps.sessions) {
    const v1 = v1Routes({
      ...deps.sessions,
      sessions: deps.sessions.service,
      publicUrl: deps.publicUrl,
      rateLimit: { max: deps.apiRateLimitMax ?? 600, windowMs: limits.windowMs },
    });
    const customerLimit = rateLimit({
      max: deps.customerRateLimitMax ?? 120,
      windowMs: limits.windowMs,
      clientKey: byAddress,
    });
    app
      .use("/api/v1/*", smallBodies)
      .use("/api/customer/*", customerLimit, smallBodies)
      .use("/api/desk/*", smallBodies)
      .route("/api/v1", v1)
      .route("/api/customer", customerRoutes(deps.sessions.service, deps.publicUrl))
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
          publicUrl: deps.publicUrl,
          maxReadsPerSession: deps.sessions.maxReadsPerSession,
          clientKey: byAddress,
        }),
      );
    }
  }
  app.all("/api/*", () => {
    throw new AppError("not_found");
  });
  if (deps.assets) app.use("*", deps.assets);
  app.onError(errorResponse(operator));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
