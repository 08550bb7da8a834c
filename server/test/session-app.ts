import type { PassportResult } from "contract/result";
import { type CreatedApiKey, createApiKey } from "../src/api-keys/api-key-store";
import { createApp } from "../src/app";
import { createAgentAuth } from "../src/desk/agent-auth";
import { argon2PasswordHasher } from "../src/desk/argon2-password-hasher";
import { createDeskService } from "../src/desk/desk-service";
import type { AccessLogEntry } from "../src/http/access-log";
import { parseRanges } from "../src/http/ip-address";
import { recordingProvider } from "../src/passport/recording-provider";
import type { SubmitPolicy } from "../src/policy/submit-check";
import { createSessionService } from "../src/sessions/session-service";
import { type DataKeys, deriveDataKeys } from "../src/storage/data-key";
import type { Database } from "../src/storage/database";
import { emptyTables } from "./test-databases";

export interface SessionApp {
  app: ReturnType<typeof createApp>;
  db: Database;
  keys: DataKeys;
  apiKey: CreatedApiKey;
  otherKey: CreatedApiKey;
  log: AccessLogEntry[];
  clock: { now: Date };
  webhooksQueued: { count: number };
  calls: ReturnType<typeof recordingProvider>["calls"];
  /** What the provider answers next (merged over the recording provider's specimen fields). */
  answer: { current: Partial<PassportResult> };
}

/** The app with sessions on an emptied test database, the recording provider, and two API keys. */
export async function sessionApp(
  db: Database,
  options: {
    requireSession?: boolean;
    maxReads?: number;
    publicUrl?: string;
    policy?: SubmitPolicy;
    apiRateLimitMax?: number;
    customerRateLimitMax?: number;
    trustedProxies?: string[];
  } = {},
): Promise<SessionApp> {
  await emptyTables(db);
  const keys = await deriveDataKeys(new Uint8Array(32).fill(3));
  // Real time to start with: webhook receivers check the signed timestamp against their own clock.
  const clock = { now: new Date(Math.floor(Date.now() / 1000) * 1000) };
  const webhooksQueued = { count: 0 };
  const service = createSessionService({
    db,
    keys,
    clock: () => clock.now,
    onWebhookQueued: () => {
      webhooksQueued.count++;
    },
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const answer: { current: Partial<PassportResult> } = { current: {} };
  const { provider, calls } = recordingProvider(() => answer.current);
  const log: AccessLogEntry[] = [];
  const agentAuth = createAgentAuth({ db, hasher: argon2PasswordHasher, clock: () => clock.now });
  const deskService = createDeskService({
    db,
    keys,
    clock: () => clock.now,
    retakeReads: 3,
    onWebhookQueued: () => {
      webhooksQueued.count++;
    },
  });
  const app = createApp({
    provider,
    rateLimit: { max: 1000, windowMs: 60_000 },
    accessLog: (entry) => log.push(entry),
    publicUrl: options.publicUrl,
    allowedHosts: ["kyc.test"],
    remoteAddress: (c) => c.req.header("x-test-peer") ?? addressOf(c.req.header("x-test-client")),
    trustedProxies: (options.trustedProxies ?? []).flatMap((r) => parseRanges(r) ?? []),
    ...(options.apiRateLimitMax ? { apiRateLimitMax: options.apiRateLimitMax } : {}),
    ...(options.customerRateLimitMax ? { customerRateLimitMax: options.customerRateLimitMax } : {}),
    desk: { auth: agentAuth, service: deskService, secureCookies: false },
    sessions: {
      db,
      keys,
      service,
      maxReadsPerSession: options.maxReads ?? 3,
      requireSession: options.requireSession ?? false,
    },
  });
  const apiKey = await createApiKey(db, keys, { name: "acme", webhookUrl: "https://hooks.acme.test/kyc" });
  const otherKey = await createApiKey(db, keys, { name: "other" });
  return { app, db, keys, apiKey, otherKey, log, clock, webhooksQueued, calls, answer };
}

/** Tests name clients by label (X-Test-Client); each label stands for an address of its own (a /64 of its own). */
function addressOf(label: string | undefined): string {
  if (!label) return "192.0.2.1";
  let hash = 7;
  for (const char of label) hash = (hash * 31 + char.charCodeAt(0)) & 0xffff;
  return `2001:db8:${hash.toString(16)}::1`;
}
