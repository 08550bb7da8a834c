import { E2E_PORTS, offlineAppUrl, tencentAppUrl } from "./servers";

/**
 * Where the capture specs find the Tencent-backed app, the offline app and the fake upstream. Defaults are the shared e2e servers
 * (playwright.config.ts); CAPTURE_APP_URL / CAPTURE_OFFLINE_URL / CAPTURE_FAKE_URL point a run at a second set of servers, so the capture
 * specs can run while another suite holds the shared ports.
 */
export const captureAppUrl = process.env.CAPTURE_APP_URL ?? tencentAppUrl;
/** The app on the offline engine (a real MRZ read, no upstream). */
export const captureOfflineUrl = process.env.CAPTURE_OFFLINE_URL ?? offlineAppUrl;
const fakeUrl = process.env.CAPTURE_FAKE_URL ?? `http://127.0.0.1:${E2E_PORTS.fakeTencent}`;

/** Scripts the fake upstream's next answers (consumed in order, the last repeats); see server/test/fake-tencent.ts. */
export async function scriptFake(responses: unknown[]): Promise<void> {
  await fetch(`${fakeUrl}/__fake/reset`, { method: "POST" });
  const res = await fetch(`${fakeUrl}/__fake/script`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(responses),
  });
  if (!res.ok) throw new Error(`fake upstream refused the script: ${res.status} ${await res.text()}`);
}

/** What reached the fake upstream since the last script (no image bytes). */
export async function fakeRequests(): Promise<{ imageBase64Length: number | null; answer: string }[]> {
  const res = await fetch(`${fakeUrl}/__fake/requests`);
  return (await res.json()) as { imageBase64Length: number | null; answer: string }[];
}
