import { z } from "zod";
import { type IpRange, parseRanges } from "./http/ip-address";
import { customerEnvShape } from "./policy/customer-env";

/**
 * The environment is the public configuration contract. It is parsed once at start;
 * anything wrong is reported in full and the process exits non-zero (see index.ts).
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A comma-separated list; blanks dropped. */
const list = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Addresses, CIDR ranges or the names loopback, private, linklocal; each bad entry is named in the message. */
const ipRanges = list.transform((entries, ctx): IpRange[] => {
  const ranges: IpRange[] = [];
  for (const entry of entries) {
    const parsed = parseRanges(entry);
    if (parsed) ranges.push(...parsed);
    else
      ctx.addIssue({
        code: "custom",
        message: `"${entry}" is not an IP address, a CIDR range (10.0.0.0/8, fd00::/8) or loopback/private/linklocal`,
      });
  }
  return ranges;
});

export const envSchema = z
  .object({
    OCR_PROVIDER: z
      .enum(["local", "tencent"])
      .optional()
      .or(z.literal("").transform(() => undefined)),
    TENCENTCLOUD_SECRET_ID: optionalString,
    TENCENTCLOUD_SECRET_KEY: optionalString,
    TENCENTCLOUD_SESSION_TOKEN: optionalString,
    TENCENTCLOUD_REGION: optionalString,
    TENCENTCLOUD_ENDPOINT: z.url({ protocol: /^https?$/ }).default("https://ocr.tencentcloudapi.com"),
    /** Milliseconds for one upstream attempt. */
    UPSTREAM_TIMEOUT_MS: positiveInt(10_000),
    PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
    HOST: z.string().default("0.0.0.0"),
    /** Comma-separated origins allowed to call /api from another origin. Empty: same origin only. */
    CORS_ALLOW_ORIGINS: list,
    /** Host names we answer to besides PUBLIC_URL's, localhost and IP addresses (`.example.com`: and subdomains). */
    ALLOWED_HOSTS: list.refine((hosts) => hosts.every((h) => /^(\*|\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?)$/i.test(h)), {
      message: "ALLOWED_HOSTS must be host names (example.com, .example.com for subdomains too) or *",
    }),
    /** Requests per client per window on /api/passport. */
    RATE_LIMIT_MAX: positiveInt(30),
    RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
    /** /api/v1 requests per API key per window, and /api/customer requests per client address per window. */
    API_RATE_LIMIT_MAX: positiveInt(600),
    CUSTOMER_RATE_LIMIT_MAX: positiveInt(120),
    /** Image requests processed at once, and how many may be read or wait for a slot before 503 server_busy. */
    MAX_CONCURRENT_REQUESTS: positiveInt(16),
    MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).default(64),
    /** Image requests one client address may have at once (being read, waiting or processed); beyond: 429. */
    MAX_REQUESTS_PER_CLIENT: positiveInt(4),
    /** Deadlines: the request's headers, its whole body, and the wait for a processing slot once read. */
    HEADERS_TIMEOUT_MS: positiveInt(10_000),
    BODY_READ_TIMEOUT_MS: positiveInt(30_000),
    QUEUE_TIMEOUT_MS: positiveInt(15_000),
    /** Paid upstream calls (retries included) for the whole server per clock minute and per UTC day; beyond: 503. */
    UPSTREAM_MAX_PER_MINUTE: positiveInt(300),
    UPSTREAM_MAX_PER_DAY: positiveInt(10_000),
    /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto / X-Request-Id are believed. Empty: none. */
    TRUSTED_PROXIES: ipRanges,
    /** Replaced by TRUSTED_PROXIES: believing X-Forwarded-For from anyone let clients pick their own address. */
    TRUST_PROXY: z
      .enum(["false", ""], {
        error:
          "TRUST_PROXY is no longer supported: list your reverse proxies in TRUSTED_PROXIES instead (e.g. 127.0.0.1)",
      })
      .optional(),
    /** A bearer token (32+ characters) that shows the operator's detail on GET /api/health. */
    OPERATOR_TOKEN: optionalString.pipe(
      z.string().min(32, "OPERATOR_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
    ),
    /** Offline engine worker threads and queue length. */
    LOCAL_WORKERS: positiveInt(2),
    LOCAL_QUEUE_MAX: positiveInt(8),
    /** The embedded database (PGlite) and the generated data key live here, unless DATABASE_URL is set. */
    DATA_DIR: z.string().trim().min(1).default("./data"),
    /** A PostgreSQL server shared by every instance; needs DATA_KEY. */
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** base64 of 32 bytes: the master key sealing images and results at rest. */
    DATA_KEY: optionalString,
    /** Days after which a session's images and personal data are erased (a tombstone stays). */
    RETENTION_DAYS: positiveInt(30),
    /** The public origin customers' links use (behind a proxy or on another host); the request's origin otherwise. */
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "PUBLIC_URL must be an http(s) URL" })
      .transform((v) => v.replace(/\/$/, ""))
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Reads of /api/passport charged to one session at most. */
    SESSION_MAX_READS: positiveInt(10),
    /** Every read needs a session's token: anonymous visitors cannot spend the provider's quota. */
    REQUIRE_SESSION: z
      .enum(["true", "false", ""])
      .default("false")
      .transform((v) => v === "true"),
    /** The customer's page: consent intro, document and warning policy (policy/customer-env.ts). */
    ...customerEnvShape,
  })
  .superRefine((env, ctx) => {
    const hasId = Boolean(env.TENCENTCLOUD_SECRET_ID);
    const hasKey = Boolean(env.TENCENTCLOUD_SECRET_KEY);
    if (hasId !== hasKey) {
      ctx.addIssue({
        code: "custom",
        path: [hasId ? "TENCENTCLOUD_SECRET_KEY" : "TENCENTCLOUD_SECRET_ID"],
        message: "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set together",
      });
    }
    if (env.OCR_PROVIDER === "tencent" && !(hasId && hasKey)) {
      ctx.addIssue({
        code: "custom",
        path: ["OCR_PROVIDER"],
        message: "OCR_PROVIDER=tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY",
      });
    }
  })
  .transform((env) => ({
    ...env,
    OCR_PROVIDER: env.OCR_PROVIDER ?? (env.TENCENTCLOUD_SECRET_ID && env.TENCENTCLOUD_SECRET_KEY ? "tencent" : "local"),
  }));

export type Env = z.output<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Parses an environment record; never throws. Problems name the variable, never its value. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`),
  };
}
