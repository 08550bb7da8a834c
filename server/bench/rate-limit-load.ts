/**
 * The rate limiter under load: one client far over its limit and one polite client, at the same time, told apart by
 * X-Forwarded-For from a trusted proxy (TRUSTED_PROXIES=127.0.0.1, as behind a reverse proxy on the same host). The
 * polite client must see only 200s.
 */
import { startFakeUpstream, startServer, tencentEnv } from "./bench-servers";
import { type LoadFigures, runLoad, unexpected } from "./load-run";
import { multipartUpload } from "./request-bodies";

export interface RateLimitBench {
  limit: number;
  durationSeconds: number;
  abuser: LoadFigures;
  polite: LoadFigures;
  /** The abuser's 200s: must equal the limit (one window). */
  abuserAllowed: number;
  abuserLimited: number;
  /** Polite responses that were not 200, and any other unexpected answers for either client. */
  politeRefused: number;
  unexpectedErrors: number;
}

export async function benchRateLimit(options: { durationSeconds: number; image: Buffer }): Promise<RateLimitBench> {
  const limit = 60;
  const upload = multipartUpload(options.image);
  const fake = await startFakeUpstream();
  const server = await startServer(
    tencentEnv(fake.url, {
      RATE_LIMIT_MAX: String(limit),
      RATE_LIMIT_WINDOW_MS: "600000",
      TRUSTED_PROXIES: "127.0.0.1",
    }),
  );
  try {
    const url = `${server.url}/api/passport`;
    const politeRate = Math.max(1, Math.floor((limit * 0.5) / options.durationSeconds));
    const [abuser, polite] = await Promise.all([
      runLoad({
        url,
        body: upload.body,
        headers: { ...upload.headers, "x-forwarded-for": "203.0.113.66" },
        connections: 20,
        durationSeconds: options.durationSeconds,
      }),
      runLoad({
        url,
        body: upload.body,
        headers: { ...upload.headers, "x-forwarded-for": "198.51.100.7" },
        connections: 1,
        durationSeconds: options.durationSeconds,
        overallRate: politeRate,
      }),
    ]);
    return {
      limit,
      durationSeconds: options.durationSeconds,
      abuser,
      polite,
      abuserAllowed: abuser.statuses["200"] ?? 0,
      abuserLimited: abuser.statuses["429"] ?? 0,
      politeRefused: polite.requests - (polite.statuses["200"] ?? 0),
      unexpectedErrors: unexpected(abuser, [200, 429]) + unexpected(polite, [200]),
    };
  } finally {
    await server.child.stop();
    await fake.child.stop();
  }
}
