import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";
import sharp from "sharp";
import type { AppServer } from "./app-server";
import { E2E_TENCENT_SECRET_ID, E2E_TENCENT_SECRET_KEY, fakeTencentUrl } from "./servers";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** The password agents choose at their first sign-in in these tests. */
export const AGENT_PASSWORD = "correct horse battery staple";

/**
 * An app server on the Tencent provider against the fake upstream, with its own DATA_DIR. The desk's cases are the
 * ICAO specimen, expired in 2012: the operator's policy lets customers submit expired passports, for the desk to judge.
 */
export const deskServerEnv = {
  POLICY_REJECT_EXPIRED: "false",
  OCR_PROVIDER: "tencent",
  TENCENTCLOUD_SECRET_ID: E2E_TENCENT_SECRET_ID,
  TENCENTCLOUD_SECRET_KEY: E2E_TENCENT_SECRET_KEY,
  TENCENTCLOUD_ENDPOINT: fakeTencentUrl,
  RATE_LIMIT_MAX: "1000",
};

/** The DATA_DIR of the shared app on the fake upstream (playwright.config.ts makes it and hands it down). */
export function tencentAppDataDir(): string {
  const dir = process.env.E2E_DATA_DIR_TENCENT;
  if (!dir) throw new Error("E2E_DATA_DIR_TENCENT is set by playwright.config.ts");
  return dir;
}

/** The DATA_DIR of the shared app on the offline engine. */
export function offlineAppDataDir(): string {
  const dir = process.env.E2E_DATA_DIR_OFFLINE;
  if (!dir) throw new Error("E2E_DATA_DIR_OFFLINE is set by playwright.config.ts");
  return dir;
}

/** `pnpm admin agent create EMAIL --role ROLE` against a running server's DATA_DIR; returns the one-time password. */
export async function createAgent(
  dataDir: string,
  email: string,
  role: "agent" | "supervisor" = "agent",
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [join(repo, "server/scripts/admin.mjs"), "agent", "create", email, "--role", role],
    { cwd: repo, env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir } },
  );
  const oneTime = stdout.match(/one-time password: (\S+)/)?.[1];
  if (!oneTime) throw new Error(`pnpm admin printed no password:\n${stdout}`);
  return oneTime;
}

/** Signs in on the desk's screen (the page must show it). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** An agent's first visit: sign in with the one-time password, choose AGENT_PASSWORD, arrive at the inbox. */
export async function firstSignIn(page: Page, server: AppServer, email: string, oneTime: string): Promise<void> {
  await page.goto(`${server.url}/desk`);
  await signIn(page, email, oneTime);
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await page.getByLabel("Current (one-time) password").fill(oneTime);
  await page.getByLabel("New password", { exact: true }).fill(AGENT_PASSWORD);
  await page.getByLabel("New password again").fill(AGENT_PASSWORD);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 2 })).toBeVisible();
}

/** A photo the fake upstream reads as whatever it is scripted to (a plain JPEG, large enough for the app). */
export function anyPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1400, height: 1000, channels: 3, background: { r: 205, g: 196, b: 180 } } })
    .jpeg()
    .toBuffer();
}

/** What the customer's page does with its link: send a photo (charged to the session), then confirm it. */
export async function customerSends(server: AppServer, token: string, photo: Buffer): Promise<void> {
  const form = new FormData();
  form.set("image", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "passport.jpg");
  const read = await fetch(`${server.url}/api/passport`, {
    method: "POST",
    headers: { "X-Session-Token": token },
    body: form,
  });
  expect(read.status, await read.clone().text()).toBe(200);
  const { capture } = (await read.json()) as { capture: { captureId: string } };
  const submitted = await fetch(`${server.url}/api/customer/session/submit`, {
    method: "POST",
    headers: { "X-Session-Token": token, "content-type": "application/json" },
    body: JSON.stringify({ captureId: capture.captureId, confirmed: true }),
  });
  expect(submitted.status, await submitted.clone().text()).toBe(200);
}

export interface DeskAgent {
  email: string;
  password: string;
}

let agents = 0;

/**
 * A fresh agent on a running server, its one-time password already changed (through the API, as the first sign-in
 * screen does), ready to sign in with AGENT_PASSWORD.
 */
export async function readyAgent(baseUrl: string, dataDir: string): Promise<DeskAgent> {
  agents += 1;
  const email = `agent-${process.pid}-${agents}@bank.test`;
  const oneTime = await createAgent(dataDir, email);
  const signedIn = await fetch(`${baseUrl}/api/desk/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: oneTime }),
  });
  const cookie = /^([^;]+)/.exec(signedIn.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const changed = await fetch(`${baseUrl}/api/desk/password`, {
    method: "POST",
    headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ current: oneTime, next: AGENT_PASSWORD }),
  });
  if (!changed.ok) throw new Error(`password not changed: ${changed.status} ${await changed.text()}`);
  return { email, password: AGENT_PASSWORD };
}

/**
 * The desk's walk-in capture for a new case: signs the agent in (the page shows the sign-in screen first), names the
 * case, and arrives at the capture (the camera, or upload without one). `search` carries test thresholds.
 */
export async function startWalkIn(
  page: Page,
  baseUrl: string,
  agent: DeskAgent,
  reference: string,
  search = "",
): Promise<void> {
  await page.goto(`${baseUrl}/desk/walk-in${search}`);
  const signInHeading = page.getByRole("heading", { name: "Sign in to the desk" });
  const form = page.getByLabel("Case reference");
  await expect(signInHeading.or(form)).toBeVisible();
  if (await signInHeading.isVisible()) await signIn(page, agent.email, agent.password);
  await form.fill(reference);
  await page.getByRole("button", { name: "Start the capture" }).click();
  await expect(page.getByText(`Capturing for ${reference}`)).toBeVisible();
}
