import { DEFAULT_CUSTOMER_CONFIG } from "contract/customer-config";
import { SESSION_TOKEN_HEADER } from "contract/session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SessionApp, sessionApp } from "../../test/session-app";
import { TEST_DATABASES } from "../../test/test-databases";
import { createApp } from "../app";
import { recordingProvider } from "../passport/recording-provider";
import { JPEG } from "../passport/tiny-images";
import type { Database } from "../storage/database";

const origin = "http://kyc.test";

async function openSession(t: SessionApp) {
  const res = await t.app.request(`${origin}/api/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.apiKey.key}`, "content-type": "application/json" },
    body: JSON.stringify({ reference: "case-7" }),
  });
  const created = (await res.json()) as { id: string; url: string };
  const token = new URL(created.url).pathname.split("/")[2]!;
  await t.app.request(`${origin}/api/customer/session`, { headers: { [SESSION_TOKEN_HEADER]: token } });
  const body = new FormData();
  body.set("image", new Blob([JPEG as BlobPart]), "photo.jpg");
  const read = await t.app.request(`${origin}/api/passport`, {
    method: "POST",
    body,
    headers: { [SESSION_TOKEN_HEADER]: token },
  });
  const { capture } = (await read.json()) as { capture: { captureId: string } };
  const submit = () =>
    t.app.request(`${origin}/api/customer/session/submit`, {
      method: "POST",
      headers: { [SESSION_TOKEN_HEADER]: token, "content-type": "application/json" },
      body: JSON.stringify({ captureId: capture.captureId, confirmed: true }),
    });
  return { id: created.id, submit };
}

describe.each(TEST_DATABASES)("the operator's policy on submit, on $kind", (database) => {
  let db: Database;
  beforeAll(async () => {
    db = await database.open();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it("refuses to submit an expired passport; the read stays stored and the session open", async () => {
    // The recording provider reads the ICAO specimen, which expired on 2012-04-15.
    const t = await sessionApp(db, { policy: DEFAULT_CUSTOMER_CONFIG });
    const { id, submit } = await openSession(t);
    const refused = await submit();
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("document_expired");
    const [session] = await db.query<{ status: string; submitted_capture_id: string | null }>(
      "select status, submitted_capture_id from sessions where id = $1",
      [id],
    );
    expect(session).toEqual({ status: "in_progress", submitted_capture_id: null });
    expect(await db.query("select id from captures where session_id = $1", [id])).toHaveLength(1);
    expect(await db.query("select id from webhook_outbox")).toHaveLength(0);
  });

  it("refuses a nationality the operator denies, and submits what the policy accepts", async () => {
    const lenient = { ...DEFAULT_CUSTOMER_CONFIG.documentPolicy, rejectExpired: false };
    const denying = await sessionApp(db, {
      policy: { ...DEFAULT_CUSTOMER_CONFIG, documentPolicy: { ...lenient, denyNationalities: ["UTO"] } },
    });
    const refused = await (await openSession(denying)).submit();
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("nationality_not_accepted");
    const accepting = await sessionApp(db, { policy: { ...DEFAULT_CUSTOMER_CONFIG, documentPolicy: lenient } });
    const accepted = await (await openSession(accepting)).submit();
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "submitted", reference: "case-7" });
  });
});

describe("GET /api/customer/config", () => {
  it("serves the operator's settings as given, and the defaults without them", async () => {
    const { provider } = recordingProvider();
    const config = { ...DEFAULT_CUSTOMER_CONFIG, operatorName: "Acme Bank", privacyUrl: "https://acme.example/p" };
    const res = await createApp({ provider, customerConfig: config, allowedHosts: ["kyc.test"] }).request(
      `${origin}/api/customer/config`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.json()).toEqual(config);
    const plain = await createApp({ provider, allowedHosts: ["kyc.test"] }).request(`${origin}/api/customer/config`);
    expect(await plain.json()).toEqual(DEFAULT_CUSTOMER_CONFIG);
  });
});
