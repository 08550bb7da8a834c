import { SESSION_TOKEN_HEADER } from "contract/session";
import { describe, expect, it } from "vitest";
import { type SessionApp, sessionApp } from "../../test/session-app";
import { TEST_DATABASES } from "../../test/test-databases";
import { useTestDatabase } from "../../test/use-test-database";
import { JPEG } from "../passport/tiny-images";

const origin = "http://kyc.test";

function api(t: SessionApp, method: string, path: string, body?: unknown, key = t.apiKey.key) {
  return t.app.request(`${origin}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

async function createSession(t: SessionApp, body: Record<string, unknown> = { reference: "case-1" }) {
  const res = await api(t, "POST", "/sessions", body);
  expect(res.status).toBe(201);
  const created = (await res.json()) as { id: string; url: string; expiresAt: string; status: string };
  return { ...created, token: new URL(created.url).pathname.split("/")[2]! };
}

function customer(t: SessionApp, token: string, path = "", init: RequestInit = {}) {
  return t.app.request(`${origin}/api/customer/session${path}`, {
    ...init,
    headers: { [SESSION_TOKEN_HEADER]: token, ...(init.headers ?? {}) },
  });
}

async function read(t: SessionApp, token: string) {
  const body = new FormData();
  body.set("image", new Blob([JPEG as BlobPart]), "photo.jpg");
  return t.app.request(`${origin}/api/passport`, { method: "POST", body, headers: { [SESSION_TOKEN_HEADER]: token } });
}

async function submit(t: SessionApp, token: string, captureId: string) {
  return customer(t, token, "/submit", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ captureId, confirmed: true }),
  });
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe.each(TEST_DATABASES)("sessions API on $kind", (database) => {
  let t: SessionApp;
  const store = useTestDatabase(database);
  const openSessionApp = (_: unknown, options?: Parameters<typeof sessionApp>[1]) => sessionApp(store.db, options);

  it("creates a session with an absolute single-use link carrying a 256-bit token", async () => {
    t = await openSessionApp(store.db);
    const created = await createSession(t, { reference: "case-1", expiresInSeconds: 600 });
    expect(created.status).toBe("created");
    expect(created.id).toMatch(/^ses_[\w-]{22}$/);
    expect(created.url).toMatch(/^http:\/\/kyc\.test\/s\/[\w-]{43}$/);
    expect(new Date(created.expiresAt).getTime() - t.clock.now.getTime()).toBe(600_000);
    const stored = await t.db.query<{ token_hash: Uint8Array }>("select token_hash from sessions");
    expect(Buffer.from(stored[0]!.token_hash).toString()).not.toContain(created.token);
  });

  it("builds the link from PUBLIC_URL when set", async () => {
    t = await openSessionApp(store.db, { publicUrl: "https://verify.example.com" });
    const created = await createSession(t);
    expect(created.url.startsWith("https://verify.example.com/s/")).toBe(true);
  });

  it("takes a session from created to submitted through the customer's link and returns the stored result", async () => {
    t = await openSessionApp(store.db);
    const { id, token } = await createSession(t);
    const opened = await customer(t, token);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toMatchObject({
      sessionId: id,
      status: "in_progress",
      reference: "case-1",
      readsLeft: 3,
    });

    const readRes = await read(t, token);
    expect(readRes.status).toBe(200);
    const result = (await readRes.json()) as {
      document: { number: string };
      capture: { captureId: string; readsLeft: number };
    };
    expect(result.document.number).toBe("L898902C3");
    expect(result.capture).toMatchObject({ readsLeft: 2 });

    const first = await submit(t, token, result.capture.captureId);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: "submitted", reference: "case-1" });
    // A retry after a lost response answers the same; the webhook is queued once.
    const again = await submit(t, token, result.capture.captureId);
    expect(again.status).toBe(200);
    const outbox = await t.db.query<{ event_type: string; url: string; payload: { data: Record<string, unknown> } }>(
      "select event_type, url, payload from webhook_outbox",
    );
    expect(outbox.map((o) => o.event_type)).toEqual(["session.submitted"]);
    expect(outbox[0]?.url).toBe("https://hooks.acme.test/kyc");
    expect(JSON.stringify(outbox[0]?.payload)).not.toContain("ERIKSSON");
    expect(t.webhooksQueued.count).toBe(1);

    const got = await api(t, "GET", `/sessions/${id}`);
    expect(got.status).toBe(200);
    const session = (await got.json()) as Record<string, unknown> & { result: { document: { surname: string } } };
    expect(session).toMatchObject({ id, status: "submitted", customerConfirmed: true, readsUsed: 1 });
    expect(session.result.document.surname).toBe("ERIKSSON");

    const image = await api(t, "GET", `/sessions/${id}/image`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(JPEG))).toBe(true);

    const reopened = await customer(t, token);
    expect(await reopened.json()).toMatchObject({ status: "submitted" });
    const late = await read(t, token);
    expect(late.status).toBe(409);
    expect((await errorCode(late)).code).toBe("session_already_submitted");
  });

  it("stores images and results only sealed", async () => {
    t = await openSessionApp(store.db);
    const { token } = await createSession(t);
    await read(t, token);
    const rows = await t.db.query<{ image_sealed: Uint8Array; result_sealed: Uint8Array }>(
      "select image_sealed, result_sealed from captures",
    );
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.result_sealed).includes(Buffer.from("ERIKSSON"))).toBe(false);
    expect(Buffer.from(rows[0]!.image_sealed).includes(Buffer.from(JPEG.subarray(0, 8)))).toBe(false);
  });

  it("charges reads to the session up to its allowance", async () => {
    t = await openSessionApp(store.db, { maxReads: 2 });
    const { token } = await createSession(t);
    expect((await read(t, token)).status).toBe(200);
    expect((await read(t, token)).status).toBe(200);
    const third = await read(t, token);
    expect(third.status).toBe(429);
    expect((await errorCode(third)).code).toBe("session_read_limit");
    expect(t.calls).toHaveLength(2);
  });

  it("needs a session for every read when REQUIRE_SESSION is on, and refuses an unknown token", async () => {
    t = await openSessionApp(store.db, { requireSession: true });
    const body = new FormData();
    body.set("image", new Blob([JPEG as BlobPart]), "photo.jpg");
    const anonymous = await t.app.request(`${origin}/api/passport`, { method: "POST", body });
    expect(anonymous.status).toBe(401);
    expect((await errorCode(anonymous)).code).toBe("session_required");
    const unknown = await read(t, "x".repeat(43));
    expect(unknown.status).toBe(404);
    expect((await errorCode(unknown)).code).toBe("session_not_found");
    expect(t.calls).toHaveLength(0);
  });

  it("expires an unsubmitted session when its time runs out and says so by webhook", async () => {
    t = await openSessionApp(store.db);
    const { id, token } = await createSession(t, { reference: "late", expiresInSeconds: 60 });
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    const res = await read(t, token);
    expect(res.status).toBe(410);
    expect((await errorCode(res)).code).toBe("session_expired");
    const got = (await (await api(t, "GET", `/sessions/${id}`)).json()) as { status: string };
    expect(got.status).toBe("expired");
    const events = await t.db.query<{ event_type: string }>("select event_type from webhook_outbox");
    expect(events.map((e) => e.event_type)).toEqual(["session.expired"]);
  });

  it("refuses a wrong or revoked key with 401, and hides another key's session behind 404", async () => {
    t = await openSessionApp(store.db);
    const { id } = await createSession(t);
    const wrong = await api(t, "GET", `/sessions/${id}`, undefined, "pk_not-a-real-key");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const none = await t.app.request(`${origin}/api/v1/sessions`);
    expect(none.status).toBe(401);
    const other = await api(t, "GET", `/sessions/${id}`, undefined, t.otherKey.key);
    expect(other.status).toBe(404);
    expect((await errorCode(other)).code).toBe("session_not_found");
    await t.db.query("update api_keys set revoked_at = now() where name = 'acme'");
    expect((await api(t, "GET", `/sessions/${id}`)).status).toBe(401);
  });

  it("names the field in a 400 for malformed JSON, unknown fields, bad values and non-https URLs", async () => {
    t = await openSessionApp(store.db);
    const cases: [unknown, RegExp][] = [
      ["{not json", /json|body/i],
      [{}, /reference/],
      [{ reference: "a", colour: "red" }, /colour/],
      [{ reference: "a", expiresInSeconds: 10 }, /expiresInSeconds/],
      [{ reference: "a", locale: "fr" }, /locale/],
      [{ reference: "a", redirectUrl: "http://example.com/done" }, /redirectUrl must use https/],
      [{ reference: "a", webhookUrl: "ftp://example.com" }, /webhookUrl/],
    ];
    for (const [body, message] of cases) {
      const res = await api(t, "POST", "/sessions", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await errorCode(res)).message).toMatch(message);
    }
    const loopback = await api(t, "POST", "/sessions", {
      reference: "a",
      webhookUrl: "http://127.0.0.1:9999/hook",
      redirectUrl: "http://localhost:3000/done",
    });
    expect(loopback.status).toBe(201);
  });

  it("lists a key's sessions newest first with a cursor, filtered by status and reference", async () => {
    t = await openSessionApp(store.db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 1000);
      ids.push((await createSession(t, { reference: i % 2 ? "odd" : "even" })).id);
    }
    await createSession({ ...t, apiKey: t.otherKey }, { reference: "even" });
    const page1 = (await (await api(t, "GET", "/sessions?limit=2")).json()) as {
      data: { id: string }[];
      nextCursor: string;
    };
    expect(page1.data.map((s) => s.id)).toEqual([ids[4], ids[3]]);
    const page2 = (await (await api(t, "GET", `/sessions?limit=2&cursor=${page1.nextCursor}`)).json()) as {
      data: { id: string }[];
      nextCursor: string;
    };
    expect(page2.data.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    const page3 = (await (await api(t, "GET", `/sessions?limit=2&cursor=${page2.nextCursor}`)).json()) as {
      data: { id: string }[];
      nextCursor: string | null;
    };
    expect(page3.data.map((s) => s.id)).toEqual([ids[0]]);
    expect(page3.nextCursor).toBeNull();
    const even = (await (await api(t, "GET", "/sessions?reference=even")).json()) as { data: { id: string }[] };
    expect(even.data.map((s) => s.id)).toEqual([ids[4], ids[2], ids[0]]);
    const created = (await (await api(t, "GET", "/sessions?status=created")).json()) as { data: unknown[] };
    expect(created.data).toHaveLength(5);
    expect((await api(t, "GET", "/sessions?status=nope")).status).toBe(400);
    expect((await api(t, "GET", "/sessions?cursor=garbage")).status).toBe(400);
  });

  it("erases images and personal data on DELETE and keeps a tombstone", async () => {
    t = await openSessionApp(store.db);
    const { id, token } = await createSession(t);
    const readRes = (await (await read(t, token)).json()) as { capture: { captureId: string } };
    await submit(t, token, readRes.capture.captureId);
    const del = await api(t, "DELETE", `/sessions/${id}`);
    expect(del.status).toBe(204);
    const got = (await (await api(t, "GET", `/sessions/${id}`)).json()) as Record<string, unknown>;
    expect(got).toMatchObject({ id, reference: "case-1", status: "submitted", result: null });
    expect(got.erasedAt).toBeTruthy();
    expect((await api(t, "GET", `/sessions/${id}/image`)).status).toBe(404);
    const sealed = await t.db.query(
      "select 1 from captures where image_sealed is not null or result_sealed is not null",
    );
    expect(sealed).toEqual([]);
    expect((await api(t, "DELETE", `/sessions/${id}`)).status).toBe(204);
    const link = await customer(t, token);
    expect(link.status).toBe(410);
  });

  it("serves an OpenAPI 3.1 document generated from the request schemas", async () => {
    t = await openSessionApp(store.db);
    const res = await t.app.request(`${origin}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/sessions",
      "/sessions/{id}",
      "/sessions/{id}/image",
      "/sessions/{id}/webhooks",
    ]);
    expect(Object.keys(doc.paths["/sessions"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.components.schemas.CreateSession?.properties ?? {})).toEqual([
      "reference",
      "redirectUrl",
      "webhookUrl",
      "locale",
      "expiresInSeconds",
    ]);
    const docs = await t.app.request(`${origin}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/api/docs/assets/swagger-ui-bundle.js");
    expect(docs.headers.get("content-security-policy")).toMatch(/style-src 'self' 'unsafe-inline'/);
    const page = await t.app.request(`${origin}/s/anything`);
    expect(page.headers.get("content-security-policy")).toMatch(/style-src 'self'(;|$)/);
  });

  it("never lets a cache keep a session, its link, its result, its image or the customer's view (issue 17, item 7)", async () => {
    t = await openSessionApp(store.db);
    const created = await api(t, "POST", "/sessions", { reference: "case-7" });
    const { id, url } = (await created.clone().json()) as { id: string; url: string };
    const token = new URL(url).pathname.split("/")[2]!;
    const opened = await customer(t, token);
    const readRes = await read(t, token);
    const { capture } = (await readRes.clone().json()) as { capture: { captureId: string } };
    const submitted = await submit(t, token, capture.captureId);
    const answers = {
      created,
      opened,
      readRes,
      submitted,
      session: await api(t, "GET", `/sessions/${id}`),
      list: await api(t, "GET", "/sessions"),
      image: await api(t, "GET", `/sessions/${id}/image`),
      webhooks: await api(t, "GET", `/sessions/${id}/webhooks`),
    };
    for (const [name, res] of Object.entries(answers)) {
      expect([name, res.status < 300, res.headers.get("cache-control")]).toEqual([name, true, "no-store"]);
    }
  });

  it("limits /api/v1 per API key and the customer's routes per address (issue 17, item 6)", async () => {
    t = await openSessionApp(store.db, { apiRateLimitMax: 3, customerRateLimitMax: 2 });
    const { token } = await createSession(t);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(t, "GET", "/sessions")).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await api(t, "GET", "/sessions", undefined, t.otherKey.key)).status).toBe(200);
    const from = (peer: string) => customer(t, token, "", { headers: { "x-test-peer": peer } });
    expect([(await from("198.51.100.1")).status, (await from("198.51.100.1")).status]).toEqual([200, 200]);
    const limited = await from("198.51.100.1");
    expect([limited.status, Number(limited.headers.get("retry-after")) > 0]).toEqual([429, true]);
    expect((await from("198.51.100.2")).status).toBe(200);
  });

  it("refuses a session route's body over 64 KB before parsing it (issue 17, item 2)", async () => {
    t = await openSessionApp(store.db);
    const { token } = await createSession(t);
    const huge = JSON.stringify({ captureId: "x".repeat(100_000), confirmed: true });
    const res = await customer(t, token, "/submit", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: huge,
    });
    expect([res.status, (await errorCode(res)).code]).toEqual([413, "payload_too_large"]);
    const v1 = await api(t, "POST", "/sessions", { reference: "r".repeat(70_000) });
    expect([v1.status, (await errorCode(v1)).code]).toEqual([413, "payload_too_large"]);
  });

  it("builds https links behind a trusted TLS proxy (issue 17, item 9)", async () => {
    t = await openSessionApp(store.db, { trustedProxies: ["127.0.0.1"] });
    const viaProxy = await t.app.request(`${origin}/api/v1/sessions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${t.apiKey.key}`,
        "content-type": "application/json",
        "x-test-peer": "127.0.0.1",
        "x-forwarded-proto": "https",
      },
      body: JSON.stringify({ reference: "tls" }),
    });
    expect(((await viaProxy.json()) as { url: string }).url).toMatch(/^https:\/\/kyc\.test\/s\//);
    const spoofed = await api(t, "POST", "/sessions", { reference: "tls" });
    expect(((await spoofed.json()) as { url: string }).url).toMatch(/^http:\/\/kyc\.test\/s\//);
  });

  it("never logs a link's token", async () => {
    t = await openSessionApp(store.db);
    const { token } = await createSession(t);
    await t.app.request(`${origin}/s/${token}`);
    await customer(t, token);
    expect(JSON.stringify(t.log)).not.toContain(token);
    expect(t.log.map((l) => l.path)).toContain("/s/:token");
  });
});
