import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { AppServer } from "./app-server";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

export interface ApiKey {
  key: string;
  webhookSecret: string;
}

/** `pnpm admin api-key create NAME --webhook-url URL` against a running server's DATA_DIR (through its admin socket). */
export async function createApiKey(server: AppServer, name: string, webhookUrl: string): Promise<ApiKey> {
  const { stdout } = await run(
    process.execPath,
    [join(repo, "server/scripts/admin.mjs"), "api-key", "create", name, "--webhook-url", webhookUrl],
    { cwd: repo, env: { PATH: process.env.PATH ?? "", DATA_DIR: server.dataDir } },
  );
  const key = stdout.match(/api key:\s+(pk_\S+)/)?.[1];
  const webhookSecret = stdout.match(/webhook secret:\s+(whsec_\S+)/)?.[1];
  if (!key || !webhookSecret) throw new Error(`pnpm admin printed no key:\n${stdout}`);
  return { key, webhookSecret };
}

export interface CreatedSession {
  id: string;
  url: string;
  token: string;
}

/** POST /api/v1/sessions as the integrator's backend does. */
export async function createSession(server: AppServer, key: string, body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`session not created: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as { id: string; url: string };
  return { ...created, token: new URL(created.url).pathname.split("/")[2] ?? "" } satisfies CreatedSession;
}

/** GET /api/v1/sessions/:id as the integrator's backend does. */
export async function getSession(server: AppServer, key: string, id: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}/api/v1/sessions/${id}`, { headers: { authorization: `Bearer ${key}` } });
  return (await res.json()) as Record<string, unknown>;
}
