import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { tinyPng } from "../../server/test/tiny-png";
import { startAppServer } from "../support/app-server";
import {
  E2E_TENCENT_SECRET_ID,
  E2E_TENCENT_SECRET_KEY,
  fakeTencentRequests,
  fakeTencentUrl,
  scriptFakeTencent,
} from "../support/servers";

// Secrets never reach the built web assets, API responses or the server's output (logs).

const repo = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** Canary values: if any of them shows up where it should not, it came from the environment we set. */
const CANARY_ID = "AKIDcanaryBuildId7d1e";
const CANARY_KEY = "canary-build-secret-key-5b9f2c";
const CANARY_TOKEN = "canary-session-token-0e4a8d";
const WRONG_KEY = "canary-wrong-secret-key-91ac";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

test("a web build with secrets in its environment contains none of them", async () => {
  test.setTimeout(180_000);
  const outDir = await mkdtemp(join(tmpdir(), "web-secret-build-"));
  try {
    const secrets = {
      TENCENTCLOUD_SECRET_ID: CANARY_ID,
      TENCENTCLOUD_SECRET_KEY: CANARY_KEY,
      TENCENTCLOUD_SESSION_TOKEN: CANARY_TOKEN,
      // The prefix Vite would expose to client code if anything referenced it.
      VITE_TENCENTCLOUD_SECRET_ID: CANARY_ID,
      VITE_TENCENTCLOUD_SECRET_KEY: CANARY_KEY,
    };
    await run(
      process.execPath,
      [join(repo, "web/node_modules/vite/bin/vite.js"), "build", "--outDir", outDir, "--emptyOutDir"],
      { cwd: join(repo, "web"), env: { ...process.env, ...secrets }, maxBuffer: 16 * 1024 * 1024 },
    );
    const files = await filesUnder(outDir);
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    expect(files.some((f) => f.endsWith("index.html"))).toBe(true);
    for (const file of files) {
      const content = (await readFile(file)).toString("latin1");
      for (const secret of [CANARY_ID, CANARY_KEY, CANARY_TOKEN]) {
        expect(content.includes(secret), `${secret} found in ${file}`).toBe(false);
      }
      expect(content, file).not.toMatch(/TENCENTCLOUD_SECRET/);
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});

test("secrets never appear in responses or logs, on success, upstream errors and bad input", async () => {
  test.setTimeout(120_000);
  await scriptFakeTencent([{ type: "success" }]);
  const tencentEnv = {
    OCR_PROVIDER: "tencent",
    TENCENTCLOUD_ENDPOINT: fakeTencentUrl,
    TENCENTCLOUD_SECRET_ID: E2E_TENCENT_SECRET_ID,
    TENCENTCLOUD_SESSION_TOKEN: CANARY_TOKEN,
    UPSTREAM_TIMEOUT_MS: "1500",
    RATE_LIMIT_MAX: "12",
  };
  const good = await startAppServer({ ...tencentEnv, TENCENTCLOUD_SECRET_KEY: E2E_TENCENT_SECRET_KEY });
  const wrong = await startAppServer({ ...tencentEnv, TENCENTCLOUD_SECRET_KEY: WRONG_KEY });
  const seen: string[] = [];
  // The smallest image the server pays an upstream call for (800 x 500): anything less is refused before the call.
  const png = tinyPng(800, 500);
  const call = async (base: string, init: RequestInit = {}, path = "/api/passport") => {
    const res = await fetch(`${base}${path}`, init);
    const body = await res.text();
    const headers: string[] = [];
    res.headers.forEach((value, name) => {
      headers.push(`${name}: ${value}`);
    });
    seen.push(`${res.status} ${headers.join("\n")} ${body}`);
    return { status: res.status, body };
  };
  const upload = (base: string) => {
    const form = new FormData();
    form.set("image", new Blob([png as BlobPart], { type: "image/png" }), "p.png");
    return call(base, { method: "POST", body: form });
  };
  try {
    await call(good.url, {}, "/api/health");
    await scriptFakeTencent([
      { type: "success" },
      { type: "error", code: "FailedOperation.ImageDecodeFailed" },
      { type: "error", code: "AuthFailure.SecretIdNotFound" },
      { type: "http", status: 500, body: "<html>oops</html>", contentType: "text/html" },
      { type: "http", status: 200, body: "{not json" },
      { type: "success", delayMs: 5_000 },
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await upload(good.url)).status);
    expect(statuses[0]).toBe(200);
    expect(statuses.slice(1).every((s) => s >= 400)).toBe(true);
    await scriptFakeTencent([{ type: "success" }]);
    const bad = await call(good.url, {
      method: "POST",
      body: '{"imageBase64": 7}',
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    let limited = 0;
    for (let i = 0; i < 8; i++) if ((await upload(good.url)).status === 429) limited++;
    expect(limited).toBeGreaterThan(0);

    const signature = await upload(wrong.url);
    expect(signature.status).toBeGreaterThanOrEqual(500);
    // The canaries were really in play: the upstream got the token, and the wrong key really failed the signature.
    const received = await fakeTencentRequests();
    expect(received.some((r) => r.token === CANARY_TOKEN)).toBe(true);
    expect(received.some((r) => r.answer === "AuthFailure.SignatureFailure")).toBe(true);
  } finally {
    await Promise.all([good.dispose(), wrong.dispose()]);
  }
  const logs = good.output() + wrong.output();
  expect(logs).toMatch(/"path":"\/api\/passport"/);
  expect(seen.length).toBeGreaterThan(10);
  for (const [where, text] of [
    ["logs", logs],
    ["responses", seen.join("\n")],
  ] as const) {
    for (const secret of [E2E_TENCENT_SECRET_KEY, WRONG_KEY, CANARY_TOKEN, E2E_TENCENT_SECRET_ID]) {
      expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
    }
  }
});
