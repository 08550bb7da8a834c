import { afterEach, describe, expect, it } from "vitest";
import { type SessionApp, sessionApp } from "../../test/session-app";
import { TEST_DATABASES } from "../../test/test-databases";
import { useTestDatabase } from "../../test/use-test-database";
import { startWebhookReceiver } from "../../test/webhook-receiver";
import { createDeliverer, type RunningDeliverer, startDeliverer } from "./deliverer";
import { MAX_ATTEMPTS } from "./retry-schedule";

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

describe.each(TEST_DATABASES)("webhook delivery on $kind", (database) => {
  let t: SessionApp;
  let receiver: Receiver;
  const running: RunningDeliverer[] = [];
  const store = useTestDatabase(database);
  afterEach(async () => {
    for (const d of running.splice(0)) await d.stop();
    await receiver?.close();
  });

  /** A deliverer that never polls on its own: the test drives it with runOnce(). */
  const deliverer = (extra: Partial<Parameters<typeof createDeliverer>[0]> = {}) =>
    createDeliverer({ db: store.db, keys: t.keys, clock: () => t.clock.now, ...extra });

  async function submittedSession(webhookUrl: string) {
    const created = await t.app.request("http://kyc.test/api/v1/sessions", {
      method: "POST",
      headers: { authorization: `Bearer ${t.apiKey.key}`, "content-type": "application/json" },
      body: JSON.stringify({ reference: "case-9", webhookUrl }),
    });
    const { id, url } = (await created.json()) as { id: string; url: string };
    const token = new URL(url).pathname.split("/")[2]!;
    const form = new FormData();
    form.set("image", new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])]), "p.jpg");
    const read = (await (
      await t.app.request("http://kyc.test/api/passport", {
        method: "POST",
        body: form,
        headers: { "X-Session-Token": token },
      })
    ).json()) as { capture: { captureId: string } };
    await t.app.request("http://kyc.test/api/customer/session/submit", {
      method: "POST",
      headers: { "X-Session-Token": token, "content-type": "application/json" },
      body: JSON.stringify({ captureId: read.capture.captureId, confirmed: true }),
    });
    return id;
  }

  const deliveries = async (id: string) =>
    (await (
      await t.app.request(`http://kyc.test/api/v1/sessions/${id}/webhooks`, {
        headers: { authorization: `Bearer ${t.apiKey.key}` },
      })
    ).json()) as {
      id: string;
      type: string;
      deliveredAt: string | null;
      failedAt: string | null;
      nextAttemptAt: string | null;
      attempts: { attempt: number; statusCode: number | null; error: string | null }[];
    }[];

  it("signs per Standard Webhooks so the integrator's verification passes, with no personal data", async () => {
    t = await sessionApp(store.db);
    receiver = await startWebhookReceiver({ secret: t.apiKey.webhookSecret });
    const id = await submittedSession(receiver.url);
    expect(await deliverer().runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.verified).toMatchObject({
      type: "session.submitted",
      data: { id, reference: "case-9", status: "submitted" },
    });
    expect(got.headers["webhook-id"]).toMatch(/^msg_/);
    expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(got.body).not.toContain("ERIKSSON");
    const [delivery] = await deliveries(id);
    expect(delivery).toMatchObject({
      type: "session.submitted",
      attempts: [{ attempt: 1, statusCode: 200, error: null }],
    });
    expect(delivery?.deliveredAt).toBeTruthy();
    expect(await deliverer().runOnce()).toBe(0);
  });

  it("fails verification with another key's secret (the signature is real)", async () => {
    t = await sessionApp(store.db);
    receiver = await startWebhookReceiver({ secret: t.otherKey.webhookSecret });
    await submittedSession(receiver.url);
    await deliverer().runOnce();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.verified).toBeNull();
  });

  it("retries failures on the schedule with the same webhook-id, then gives up after the last attempt", async () => {
    t = await sessionApp(store.db);
    receiver = await startWebhookReceiver({ secret: t.apiKey.webhookSecret, statuses: [500, 503] });
    const id = await submittedSession(receiver.url);
    const d = deliverer();
    await d.runOnce();
    expect(receiver.received).toHaveLength(1);
    expect(await d.runOnce()).toBe(0); // not due yet: 5 s later
    t.clock.now = new Date(t.clock.now.getTime() + 5_000);
    await d.runOnce();
    t.clock.now = new Date(t.clock.now.getTime() + 300_000);
    await d.runOnce();
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual(
      Array(3).fill(receiver.received[0]?.headers["webhook-id"]),
    );
    const [delivery] = await deliveries(id);
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(delivery?.deliveredAt).toBeTruthy();

    // An endpoint that never answers: every attempt over ~27 h, then failed.
    await receiver.close();
    receiver = await startWebhookReceiver({ statuses: Array(20).fill(500) });
    const doomed = await submittedSession(receiver.url);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await d.runOnce();
      t.clock.now = new Date(t.clock.now.getTime() + 11 * 3600_000);
    }
    const [failed] = await deliveries(doomed);
    expect(failed?.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(failed?.failedAt).toBeTruthy();
    expect(failed?.nextAttemptAt).toBeNull();
  });

  it("records a connection failure as an attempt and delivers after a restart (state is in the database)", async () => {
    t = await sessionApp(store.db);
    receiver = await startWebhookReceiver({ secret: t.apiKey.webhookSecret });
    const url = receiver.url;
    await receiver.close();
    const id = await submittedSession(url);
    await deliverer().runOnce();
    const [down] = await deliveries(id);
    expect(down?.attempts[0]?.statusCode).toBeNull();
    expect(down?.attempts[0]?.error).toBeTruthy();
    // A "restarted" server: a new deliverer on the same database, the receiver back on another port.
    receiver = await startWebhookReceiver({ secret: t.apiKey.webhookSecret });
    await store.db.query("update webhook_outbox set url = $1", [receiver.url]);
    t.clock.now = new Date(t.clock.now.getTime() + 5_000);
    await deliverer().runOnce();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.verified).toMatchObject({ data: { id } });
  });

  it("lets two deliverers share the outbox without sending an event twice", async () => {
    t = await sessionApp(store.db);
    receiver = await startWebhookReceiver({ secret: t.apiKey.webhookSecret });
    for (let i = 0; i < 6; i++) await submittedSession(receiver.url);
    const [a, b] = [deliverer({ batch: 2 }), deliverer({ batch: 2 })];
    await Promise.all([a.runOnce(), b.runOnce()]);
    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it("delivers on its own when kicked, and keeps polling for events other instances queued", async () => {
    t = await sessionApp(store.db);
    receiver = await startWebhookReceiver({ secret: t.apiKey.webhookSecret });
    const d = startDeliverer({ db: store.db, keys: t.keys, pollMs: 50 });
    running.push(d);
    await submittedSession(receiver.url);
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    await submittedSession(receiver.url);
    d.kick();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(2);
  });
});
