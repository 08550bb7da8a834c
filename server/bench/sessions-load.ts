/**
 * Sessions under load, on the embedded database (PGlite in a temp DATA_DIR) and on a PostgreSQL server
 * (TEST_DATABASE_URL, else a throwaway cluster from .ci/throwaway-postgres when PostgreSQL is installed):
 * sessions created per second through POST /api/v1/sessions, submitted per second through
 * POST /api/customer/session/submit (reads done beforehand), and webhook delivery latency from the submit's answer to
 * a verifying receiver on loopback (the running deliverer, kicked by the commit). In-process app.request: this measures
 * our code and the database, not HTTP parsing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiKey } from "../src/api-keys/api-key-store";
import { createApp } from "../src/app";
import { recordingProvider } from "../src/passport/recording-provider";
import { JPEG } from "../src/passport/tiny-images";
import { createSessionService } from "../src/sessions/session-service";
import { deriveDataKeys } from "../src/storage/data-key";
import type { Database } from "../src/storage/database";
import { migrate } from "../src/storage/migrate";
import { openPgliteDatabase } from "../src/storage/pglite-database";
import { openPostgresDatabase } from "../src/storage/postgres-database";
import { startDeliverer } from "../src/webhooks/deliverer";
import { startWebhookReceiver } from "../test/webhook-receiver";
import { REPO_DIR } from "./bench-servers";

export interface SessionsFigures {
  database: "pglite" | "postgres";
  createdPerSecond: number;
  submittedPerSecond: number;
  webhookP50Ms: number;
  webhookP99Ms: number;
  webhooks: number;
}

export interface SessionsBench {
  results: SessionsFigures[];
  /** Why a database was not measured. */
  skipped: string[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/**
 * Runs `task` from `concurrency` loops for `seconds` or until it answers false (no more work); completed tasks per
 * second of the time they took.
 */
async function throughput(seconds: number, concurrency: number, task: () => Promise<boolean>) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until && (await task())) done++;
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function measure(db: Database, kind: SessionsFigures["database"], seconds: number): Promise<SessionsFigures> {
  await migrate(db);
  const keys = await deriveDataKeys(crypto.getRandomValues(new Uint8Array(32)));
  const receiver = await startWebhookReceiver();
  const deliverer = startDeliverer({ db, keys, pollMs: 1000 });
  const sessions = createSessionService({ db, keys, onWebhookQueued: deliverer.kick });
  const app = createApp({
    provider: recordingProvider().provider,
    rateLimit: { max: 1e9, windowMs: 60_000 },
    sessions: { db, keys, service: sessions, maxReadsPerSession: 10, requireSession: false },
  });
  const key = await createApiKey(db, keys, { name: `bench-${Date.now()}` });
  receiver.setSecret(key.webhookSecret);
  const create = async (webhookUrl?: string) => {
    const res = await app.request("http://bench.test/api/v1/sessions", {
      method: "POST",
      headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
      body: JSON.stringify({ reference: "bench", ...(webhookUrl ? { webhookUrl } : {}) }),
    });
    if (res.status !== 201) throw new Error(`create answered ${res.status}`);
    return new URL(((await res.json()) as { url: string }).url).pathname.split("/")[2]!;
  };
  const read = async (token: string) => {
    const form = new FormData();
    form.set("image", new Blob([JPEG as BlobPart]), "p.jpg");
    const res = await app.request("http://bench.test/api/passport", {
      method: "POST",
      body: form,
      headers: { "X-Session-Token": token },
    });
    return ((await res.json()) as { capture: { captureId: string } }).capture.captureId;
  };
  const submit = async (token: string, captureId: string) => {
    const res = await app.request("http://bench.test/api/customer/session/submit", {
      method: "POST",
      headers: { "X-Session-Token": token, "content-type": "application/json" },
      body: JSON.stringify({ captureId, confirmed: true }),
    });
    if (res.status !== 200) throw new Error(`submit answered ${res.status}`);
  };

  try {
    const createdPerSecond = await throughput(seconds, 8, async () => {
      await create();
      return true;
    });
    // Reads happen before the timed part: submitted/s is the confirmation alone (transaction + outbox row).
    const ready: { token: string; captureId: string }[] = [];
    const readyCount = Math.max(100, Math.round(createdPerSecond * seconds));
    for (let i = 0; i < readyCount; i++) {
      const token = await create();
      ready.push({ token, captureId: await read(token) });
    }
    let next = 0;
    const submittedPerSecond = await throughput(seconds, 8, async () => {
      const item = ready[next++];
      if (!item) return false;
      await submit(item.token, item.captureId);
      return true;
    });

    // Webhook latency: one submission at a time, from the submit's answer to the receiver's arrival.
    const latencies: number[] = [];
    const samples = seconds >= 20 ? 200 : 40;
    for (let i = 0; i < samples; i++) {
      const token = await create(receiver.url);
      const captureId = await read(token);
      const before = receiver.received.length;
      await submit(token, captureId);
      const sent = performance.now();
      while (receiver.received.length === before) await new Promise((r) => setTimeout(r, 1));
      latencies.push(performance.now() - sent);
    }
    if (receiver.received.some((r) => r.verified === null)) throw new Error("a webhook failed verification");
    latencies.sort((a, b) => a - b);
    return {
      database: kind,
      createdPerSecond,
      submittedPerSecond,
      webhookP50Ms: percentile(latencies, 50),
      webhookP99Ms: percentile(latencies, 99),
      webhooks: latencies.length,
    };
  } finally {
    await deliverer.stop();
    await receiver.close();
  }
}

export async function benchSessions(options: { seconds: number }): Promise<SessionsBench> {
  const results: SessionsFigures[] = [];
  const skipped: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "bench-sessions-"));
  const pglite = await openPgliteDatabase(join(dataDir, "db"));
  try {
    results.push(await measure(pglite, "pglite", options.seconds));
  } finally {
    await pglite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  let url = process.env.TEST_DATABASE_URL;
  let throwaway = false;
  if (!url) {
    try {
      url = execFileSync(join(REPO_DIR, ".ci/throwaway-postgres"), ["start"], {
        encoding: "utf8",
        env: { ...process.env, PG_THROWAWAY_DIR: join(tmpdir(), "bench-sessions-pg") },
      }).trim();
      throwaway = true;
    } catch (error) {
      skipped.push(`postgres: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  }
  if (url) {
    // A database of its own on the server, dropped afterwards: nothing else on that server is touched.
    const admin = await openPostgresDatabase(url, { maxConnections: 1 });
    const name = `bench_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await openPostgresDatabase(target.href, { maxConnections: 10 });
    try {
      results.push(await measure(db, "postgres", options.seconds));
    } finally {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
      if (throwaway) {
        execFileSync(join(REPO_DIR, ".ci/throwaway-postgres"), ["stop"], {
          env: { ...process.env, PG_THROWAWAY_DIR: join(tmpdir(), "bench-sessions-pg") },
        });
      }
    }
  }
  return { results, skipped };
}
