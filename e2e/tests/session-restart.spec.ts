import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SESSION_TOKEN_HEADER } from "contract/session";
import { startWebhookReceiver } from "../../server/test/webhook-receiver";
import { type AppServer, startAppServer } from "../support/app-server";
import { E2E_TENCENT_SECRET_ID, E2E_TENCENT_SECRET_KEY, fakeTencentUrl, scriptFakeTencent } from "../support/servers";
import { createApiKey, createSession, getSession } from "../support/sessions";
import { useCaptureFixtures } from "../support/use-capture-fixtures";

// At-least-once delivery survives a restart: the receiver is down when the customer submits, the server stops before
// the retry, starts again on the same database, and the webhook arrives with the id of the first attempt.

const fx = useCaptureFixtures();
let server: AppServer | undefined;

test.afterAll(async () => {
  await server?.dispose();
});

test("a webhook whose first attempt failed is delivered after a restart, with the same webhook-id", async () => {
  test.setTimeout(120_000);
  // The first attempt meets a receiver that is down (503); every later one gets 200.
  const receiver = await startWebhookReceiver({ statuses: [503] });
  try {
    server = await startAppServer({
      OCR_PROVIDER: "tencent",
      TENCENTCLOUD_SECRET_ID: E2E_TENCENT_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY: E2E_TENCENT_SECRET_KEY,
      TENCENTCLOUD_ENDPOINT: fakeTencentUrl,
    });
    const apiKey = await createApiKey(server, "e2e-restart", receiver.url);
    receiver.setSecret(apiKey.webhookSecret);
    const session = await createSession(server, apiKey.key, { reference: "restart-1" });
    await scriptFakeTencent([
      { type: "success", person: { documentNumber: fx().truth.document.number, expiryDate: "2034-06-30" } },
    ]);

    // What the customer's page does: open the link, read the photo on the session, confirm it.
    const headers = { [SESSION_TOKEN_HEADER]: session.token };
    expect((await fetch(`${server.url}/api/customer/session`, { headers })).status).toBe(200);
    const form = new FormData();
    form.set("image", new Blob([new Uint8Array(await readFile(fx().jpeg))], { type: "image/jpeg" }), "p.jpg");
    const read = await fetch(`${server.url}/api/passport`, { method: "POST", body: form, headers });
    expect(read.status).toBe(200);
    const { capture } = (await read.json()) as { capture: { captureId: string } };
    const submitted = await fetch(`${server.url}/api/customer/session/submit`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ captureId: capture.captureId, confirmed: true }),
    });
    expect(submitted.status).toBe(200);

    // The first attempt reaches the receiver while it is down; the server stops before the retry is due (5 s).
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    await server.stop();
    const first = receiver.received[0];
    expect(first?.verified).toMatchObject({ type: "session.submitted", data: { id: session.id } });
    const webhookId = first?.headers["webhook-id"];
    expect(webhookId).toMatch(/^msg_/);

    server = await server.restart();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    const second = receiver.received[1];
    expect(second?.headers["webhook-id"]).toBe(webhookId);
    expect(second?.verified).toMatchObject({
      type: "session.submitted",
      data: { id: session.id, reference: "restart-1", status: "submitted" },
    });
    // The integrator sees both attempts, the failed one and the delivery.
    const deliveries = await fetch(`${server.url}/api/v1/sessions/${session.id}/webhooks`, {
      headers: { authorization: `Bearer ${apiKey.key}` },
    });
    expect(deliveries.status).toBe(200);
    type Delivery = { id: string; deliveredAt: string | null; attempts: { statusCode: number }[] };
    const [delivery] = (await deliveries.json()) as Delivery[];
    expect(delivery?.id).toBe(webhookId);
    expect(delivery?.deliveredAt).not.toBeNull();
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([503, 200]);
    expect(await getSession(server, apiKey.key, session.id)).toMatchObject({ status: "submitted" });
  } finally {
    await receiver.close();
  }
});
