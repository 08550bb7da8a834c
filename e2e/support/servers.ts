/** Where the e2e servers listen (see playwright.config.ts) and how tests script the fake Tencent upstream. */
export const E2E_PORTS = { fakeTencent: 8797, tencent: 8798, offline: 8799 } as const;
export const E2E_TENCENT_SECRET_ID = "AKIDfakeE2Etencent";
export const E2E_TENCENT_SECRET_KEY = "fake-e2e-secret-key";

export const tencentAppUrl = `http://127.0.0.1:${E2E_PORTS.tencent}`;
export const offlineAppUrl = `http://127.0.0.1:${E2E_PORTS.offline}`;
const fakeUrl = `http://127.0.0.1:${E2E_PORTS.fakeTencent}`;

/** Scripts the fake upstream's next answers (consumed in order, the last repeats); see server/test/fake-tencent.ts. */
export async function scriptFakeTencent(responses: unknown[]): Promise<void> {
  const res = await fetch(`${fakeUrl}/__fake/script`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(responses),
  });
  if (!res.ok) throw new Error(`fake upstream refused the script: ${res.status} ${await res.text()}`);
}

export async function resetFakeTencent(): Promise<void> {
  await fetch(`${fakeUrl}/__fake/reset`, { method: "POST" });
}

/** What reached the fake upstream (no image bytes). */
export async function fakeTencentRequests(): Promise<unknown[]> {
  const res = await fetch(`${fakeUrl}/__fake/requests`);
  return (await res.json()) as unknown[];
}
