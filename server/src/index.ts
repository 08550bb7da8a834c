// Node entry: parse the environment, build the provider and the app, serve API and web app on one port.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { adminSocketPath, serveAdminSocket } from "./admin/admin-socket";
import { createApp } from "./app";
import { createAgentAuth } from "./desk/agent-auth";
import { argon2PasswordHasher } from "./desk/argon2-password-hasher";
import { createDeskService } from "./desk/desk-service";
import { parseEnv } from "./env";
import { jsonLinesToStdout } from "./http/access-log";
import { listen } from "./listen";
import { createProvider } from "./passport/create-provider";
import { customerConfigFromEnv } from "./policy/customer-config";
import { startSessionJobs } from "./sessions/session-jobs";
import { createSessionService } from "./sessions/session-service";
import { openStorage } from "./storage/open-storage";
import { startDeliverer } from "./webhooks/deliverer";

const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`Invalid configuration:\n${parsed.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
const env = parsed.env;

const provider = (() => {
  try {
    return createProvider(env);
  } catch (error) {
    console.error(`Cannot start the ${env.OCR_PROVIDER} provider: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
})();
const storage = await (async () => {
  try {
    return await openStorage(env, (message) => console.log(message));
  } catch (error) {
    console.error(`Cannot open the database: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
})();
const logLine = (line: Record<string, unknown>) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), ...line }));
const deliverer = startDeliverer({ db: storage.db, keys: storage.keys, log: logLine });
const customerConfig = customerConfigFromEnv(env);
const sessions = createSessionService({
  db: storage.db,
  keys: storage.keys,
  onWebhookQueued: deliverer.kick,
  policy: customerConfig,
});
const agentAuth = createAgentAuth({ db: storage.db, hasher: argon2PasswordHasher });
const deskService = createDeskService({
  db: storage.db,
  keys: storage.keys,
  onWebhookQueued: deliverer.kick,
  retakeReads: env.SESSION_MAX_READS,
});
const sessionJobs = startSessionJobs({
  sessions,
  retentionDays: env.RETENTION_DAYS,
  log: logLine,
  also: () => agentAuth.pruneFailures(),
});
const closeAdminSocket = storage.dataDir
  ? await serveAdminSocket(adminSocketPath(storage.dataDir), {
      db: storage.db,
      keys: storage.keys,
      hasher: argon2PasswordHasher,
      now: () => new Date(),
    })
  : async () => {};

const app = createApp({
  provider,
  corsAllowOrigins: env.CORS_ALLOW_ORIGINS,
  allowedHosts: env.ALLOWED_HOSTS,
  publicUrl: env.PUBLIC_URL,
  rateLimit: { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS },
  apiRateLimitMax: env.API_RATE_LIMIT_MAX,
  customerRateLimitMax: env.CUSTOMER_RATE_LIMIT_MAX,
  uploads: {
    maxInFlight: env.MAX_CONCURRENT_REQUESTS,
    maxQueued: env.MAX_QUEUED_REQUESTS,
    maxPerClient: env.MAX_REQUESTS_PER_CLIENT,
    readTimeoutMs: env.BODY_READ_TIMEOUT_MS,
    queueTimeoutMs: env.QUEUE_TIMEOUT_MS,
  },
  remoteAddress: (c) => getConnInfo(c).remote.address,
  trustedProxies: env.TRUSTED_PROXIES,
  operatorToken: env.OPERATOR_TOKEN,
  operatorLog: (event) => logLine({ level: "operator", ...event }),
  accessLog: jsonLinesToStdout,
  assets: webAssets(),
  docsAssets: swaggerUiAssets(),
  customerConfig,
  desk: { auth: agentAuth, service: deskService, secureCookies: env.PUBLIC_URL?.startsWith("https:") ?? false },
  sessions: {
    db: storage.db,
    keys: storage.keys,
    service: sessions,
    maxReadsPerSession: env.SESSION_MAX_READS,
    requireSession: env.REQUIRE_SESSION,
  },
});

const server = listen(
  {
    fetch: app.fetch,
    port: env.PORT,
    hostname: env.HOST,
    headersTimeoutMs: env.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.HEADERS_TIMEOUT_MS + env.BODY_READ_TIMEOUT_MS,
  },
  (info) => {
    console.log(`listening on http://localhost:${info.port} (provider: ${provider.name})`);
  },
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    sessionJobs.stop();
    void Promise.allSettled([deliverer.stop(), closeAdminSocket(), provider.close?.()])
      .then(() => storage.close())
      .finally(() => process.exit(0));
  });
}

/** The built web app (web/dist): hashed assets cached for a year, index.html for every other GET (client routes). */
function webAssets(): MiddlewareHandler | undefined {
  const dist = fileURLToPath(new URL("../../web/dist", import.meta.url));
  if (!existsSync(`${dist}/index.html`)) {
    console.warn(`web app not built (${dist} missing): serving the API only`);
    return undefined;
  }
  const root = relative(process.cwd(), dist) || ".";
  const files = serveStatic({
    root,
    onFound: (path, c) => {
      c.header("Cache-Control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  const spa = serveStatic({ root, path: "index.html", onFound: (_path, c) => c.header("Cache-Control", "no-cache") });
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const found = await files(c, async () => {});
    return found ?? spa(c, next);
  };
}

/** Swagger UI's files (swagger-ui-dist) for the API reference page at /api/docs. */
function swaggerUiAssets(): MiddlewareHandler {
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const files = serveStatic({
    root: relative(process.cwd(), dir) || ".",
    rewriteRequestPath: (path) => path.replace(/^\/api\/docs\/assets/, ""),
    onFound: (_path, c) => c.header("Cache-Control", "public, max-age=86400"),
  });
  return files;
}
