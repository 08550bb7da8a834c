import type { ReceivedRequest } from "../../server/test/fake-tencent";

/**
 * Where the e2e servers listen (playwright.config.ts starts them): three ports from E2E_PORT_BASE, default 8797.
 * Another base lets a second run share the machine, e.g. `E2E_PORT_BASE=9100 pnpm test:e2e`.
 */
function portBase(value = "8797"): number {
  const base = Number(value);
  if (!Number.isInteger(base) || base < 1024 || base > 65533) throw new Error(`E2E_PORT_BASE must be a port: ${value}`);
  return base;
}

const base = portBase(process.env.E2E_PORT_BASE);
export const E2E_PORTS = { fakeTencent: base, tencent: base + 1, offline: base + 2 } as const;
export const E2E_TENCENT_SECRET_ID = "AKIDfakeE2Etencent";
export const E2E_TENCENT_SECRET_KEY = "fake-e2e-secret-key";

/** The fake Tencent upstream (server/test/fake-tencent.ts). */
export const fakeTencentUrl = `http://127.0.0.1:${E2E_PORTS.fakeTencent}`;
/** The app on the Tencent provider, against the fake upstream. */
export const tencentAppUrl = `http://127.0.0.1:${E2E_PORTS.tencent}`;
/** The app on the local provider (the offline engine: a real MRZ read, no upstream). */
export const offlineAppUrl = `http://127.0.0.1:${E2E_PORTS.offline}`;

/**
 * Forgets what the fake upstream received and scripts its next answers (consumed in order, the last repeats);
 * see ScriptedResponse in server/test/fake-tencent.ts.
 */
export async function scriptFakeTencent(responses: unknown[]): Promise<void> {
  await fetch(`${fakeTencentUrl}/__fake/reset`, { method: "POST" });
  const res = await fetch(`${fakeTencentUrl}/__fake/script`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(responses),
  });
  if (!res.ok) throw new Error(`fake upstream refused the script: ${res.status} ${await res.text()}`);
}

/** What reached the fake upstream since the last script (no image bytes). */
export async function fakeTencentRequests(): Promise<ReceivedRequest[]> {
  const res = await fetch(`${fakeTencentUrl}/__fake/requests`);
  return (await res.json()) as ReceivedRequest[];
}
