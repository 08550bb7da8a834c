import { describe, expect, it } from "vitest";
import { sessionApp } from "../../test/session-app";
import { TEST_DATABASES } from "../../test/test-databases";
import { useTestDatabase } from "../../test/use-test-database";

describe.each(TEST_DATABASES)("cross-device handoff on $kind", (database) => {
  const store = useTestDatabase(database);

  it("gives the phone a single-use link whose device token works for the same session; the computer sees it", async () => {
    const t = await sessionApp(store.db);
    const created = await t.app.request("http://kyc.test/api/v1/sessions", {
      method: "POST",
      headers: { authorization: `Bearer ${t.apiKey.key}`, "content-type": "application/json" },
      body: JSON.stringify({ reference: "desktop" }),
    });
    const token = new URL(((await created.json()) as { url: string }).url).pathname.split("/")[2]!;
    const computer = (path: string, init: RequestInit = {}) =>
      t.app.request(`http://kyc.test/api/customer${path}`, {
        ...init,
        headers: { "X-Session-Token": token, ...(init.headers ?? {}) },
      });
    expect(((await (await computer("/session")).json()) as { phoneConnected: boolean }).phoneConnected).toBe(false);

    const started = await computer("/session/handoff", { method: "POST" });
    expect(started.status).toBe(201);
    const link = (await started.json()) as { url: string; expiresAt: string };
    expect(link.url).toMatch(/^http:\/\/kyc\.test\/h\/[\w-]{43}$/);
    expect(new Date(link.expiresAt).getTime() - t.clock.now.getTime()).toBe(600_000);
    const linkToken = link.url.split("/h/")[1]!;

    const redeem = (value: string) =>
      t.app.request("http://kyc.test/api/customer/handoff/redeem", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: value }),
      });
    const redeemed = await redeem(linkToken);
    expect(redeemed.status).toBe(200);
    const { deviceToken } = (await redeemed.json()) as { deviceToken: string };
    expect(deviceToken).not.toBe(linkToken);
    expect((await redeem(linkToken)).status).toBe(404);

    const phone = await t.app.request("http://kyc.test/api/customer/session", {
      headers: { "X-Session-Token": deviceToken },
    });
    expect(await phone.json()).toMatchObject({ reference: "desktop", status: "in_progress" });
    expect(((await (await computer("/session")).json()) as { phoneConnected: boolean }).phoneConnected).toBe(true);
    expect(JSON.stringify(t.log)).not.toContain(linkToken);
  });

  it("refuses a handoff link after ten minutes", async () => {
    const t = await sessionApp(store.db);
    const created = await t.app.request("http://kyc.test/api/v1/sessions", {
      method: "POST",
      headers: { authorization: `Bearer ${t.apiKey.key}`, "content-type": "application/json" },
      body: JSON.stringify({ reference: "late phone" }),
    });
    const token = new URL(((await created.json()) as { url: string }).url).pathname.split("/")[2]!;
    const link = (await (
      await t.app.request("http://kyc.test/api/customer/session/handoff", {
        method: "POST",
        headers: { "X-Session-Token": token },
      })
    ).json()) as { url: string };
    t.clock.now = new Date(t.clock.now.getTime() + 601_000);
    const late = await t.app.request("http://kyc.test/api/customer/handoff/redeem", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: link.url.split("/h/")[1] }),
    });
    expect(late.status).toBe(404);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/used or has expired/);
  });
});
