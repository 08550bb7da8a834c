import { DEFAULT_CUSTOMER_CONFIG } from "contract/customer-config";
import { describe, expect, it } from "vitest";
import { type SessionApp, sessionApp } from "../../test/session-app";
import { specimenRead } from "../../test/specimen-read";
import { TEST_DATABASES } from "../../test/test-databases";
import { useTestDatabase } from "../../test/use-test-database";
import { runAdminCommand } from "../admin/admin-commands";
import { JPEG } from "../passport/tiny-images";
import { argon2PasswordHasher } from "./argon2-password-hasher";

const origin = "http://kyc.test";
const PASSWORD = "correct horse battery staple";

interface Agent {
  email: string;
  cookie: string;
  csrf: string;
  id: string;
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe.each(TEST_DATABASES)("the desk on $kind", (database) => {
  let t: SessionApp;
  const store = useTestDatabase(database);

  const admin = (argv: string[]) =>
    runAdminCommand(argv, { db: store.db, keys: t.keys, hasher: argon2PasswordHasher, now: () => t.clock.now });

  const signIn = (email: string, password: string, client = "one") =>
    t.app.request(`${origin}/api/desk/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-client": client },
      body: JSON.stringify({ email, password }),
    });

  /** An agent made by `pnpm admin`, signed in, password changed as the first sign-in demands. */
  async function agent(email: string, role: "agent" | "supervisor" = "agent"): Promise<Agent> {
    const created = await admin(["agent", "create", email, "--role", role]);
    const oneTime = /one-time password: (\S+)/.exec(created.output)![1]!;
    const res = await signIn(email, oneTime);
    expect(res.status).toBe(200);
    const cookie = /^(kyc_desk=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
    const me = (await res.json()) as { csrfToken: string; id: string; mustChangePassword: boolean };
    expect(me.mustChangePassword).toBe(true);
    const change = await t.app.request(`${origin}/api/desk/password`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": me.csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ current: oneTime, next: PASSWORD }),
    });
    expect(change.status).toBe(200);
    return { email, cookie, csrf: me.csrfToken, id: me.id };
  }

  const desk = (who: Agent, method: string, path: string, body?: unknown) =>
    t.app.request(`${origin}/api/desk${path}`, {
      method,
      headers: {
        cookie: who.cookie,
        "x-csrf-token": who.csrf,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function submittedSession(reference: string) {
    const created = await t.app.request(`${origin}/api/v1/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.apiKey.key}`, "content-type": "application/json" },
      body: JSON.stringify({ reference }),
    });
    const { id, url } = (await created.json()) as { id: string; url: string };
    const token = new URL(url).pathname.split("/")[2]!;
    const captureId = await customerRead(token);
    const submitted = await customerSubmit(token, captureId);
    expect(submitted.status).toBe(200);
    return { id, token };
  }

  async function customerRead(token: string): Promise<string> {
    const form = new FormData();
    form.set("image", new Blob([JPEG as BlobPart]), "p.jpg");
    const res = await t.app.request(`${origin}/api/passport`, {
      method: "POST",
      body: form,
      headers: { "X-Session-Token": token },
    });
    return ((await res.json()) as { capture: { captureId: string } }).capture.captureId;
  }

  const customerSubmit = (token: string, captureId: string) =>
    t.app.request(`${origin}/api/customer/session/submit`, {
      method: "POST",
      headers: { "X-Session-Token": token, "content-type": "application/json" },
      body: JSON.stringify({ captureId, confirmed: true }),
    });

  const detail = async (who: Agent, id: string) =>
    (await (await desk(who, "GET", `/sessions/${id}`)).json()) as {
      session: { status: string; claimedBy: { email: string } | null };
      result: { warnings: { code: string; field?: string; severity: string }[] };
      review: { version: number; edits: { field: string; value: string; state: string | null }[] };
      audit: {
        action: string;
        actor: string;
        agent: { email: string } | null;
        detail: Record<string, unknown> | null;
      }[];
    };

  /** Acknowledges every critical warning of the read under review; returns the review's new version. */
  async function acknowledgeAll(who: Agent, id: string, version: number): Promise<number> {
    const view = await detail(who, id);
    let at = version;
    for (const w of view.result.warnings.filter((x) => x.severity === "critical")) {
      const res = await desk(who, "POST", `/sessions/${id}/acknowledgements`, {
        code: w.code,
        field: w.field,
        reason: "specimen: test document",
        version: at,
      });
      expect(res.status).toBe(200);
      at = ((await res.json()) as { version: number }).version;
    }
    return at;
  }

  it("signs in with a one-time password that must be changed, and refuses wrong passwords without saying why", async () => {
    t = await sessionApp(store.db);
    const created = await admin(["agent", "create", "ana@bank.test"]);
    const oneTime = /one-time password: (\S+)/.exec(created.output)![1]!;
    const wrong = await signIn("ana@bank.test", "nope");
    const unknown = await signIn("nobody@bank.test", "nope");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await errorOf(wrong)).message).toBe((await errorOf(unknown)).message);

    const res = await signIn("ANA@bank.test", oneTime);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^kyc_desk=[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const cookie = /^(kyc_desk=[^;]+)/.exec(setCookie)![1]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const inbox = await t.app.request(`${origin}/api/desk/inbox`, { headers: { cookie } });
    expect(inbox.status).toBe(403);
    expect((await errorOf(inbox)).code).toBe("password_change_required");

    const weak = await t.app.request(`${origin}/api/desk/password`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ current: oneTime, next: "short" }),
    });
    expect(weak.status).toBe(400);
    expect((await errorOf(weak)).message).toMatch(/at least 12/);
    const noCsrf = await t.app.request(`${origin}/api/desk/password`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ current: oneTime, next: PASSWORD }),
    });
    expect(noCsrf.status).toBe(403);
    expect((await errorOf(noCsrf)).code).toBe("csrf_failed");
    const changed = await t.app.request(`${origin}/api/desk/password`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ current: oneTime, next: PASSWORD }),
    });
    expect(changed.status).toBe(200);
    expect((await t.app.request(`${origin}/api/desk/inbox`, { headers: { cookie } })).status).toBe(200);

    const out = await t.app.request(`${origin}/api/desk/sign-out`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(out.status).toBe(204);
    const after = await t.app.request(`${origin}/api/desk/inbox`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe("not_signed_in");
  });

  it("locks an account after 5 wrong passwords and an address after 20 failures", async () => {
    t = await sessionApp(store.db);
    const ana = await agent("ana@bank.test");
    for (let i = 0; i < 5; i++) expect((await signIn(ana.email, "wrong password", "two")).status).toBe(401);
    const locked = await signIn(ana.email, PASSWORD, "three");
    expect(locked.status).toBe(429);
    expect((await errorOf(locked)).code).toBe("sign_in_locked");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect((await signIn(ana.email, PASSWORD, "three")).status).toBe(200);

    for (let i = 0; i < 20; i++) await signIn(`nobody${i}@bank.test`, "x", "four");
    const refused = await signIn(ana.email, PASSWORD, "four");
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).code).toBe("sign_in_rate_limited");
    expect((await signIn(ana.email, PASSWORD, "five")).status).toBe(200);
  });

  it("ends a session after an hour idle", async () => {
    t = await sessionApp(store.db);
    const ana = await agent("ana@bank.test");
    expect((await desk(ana, "GET", "/me")).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60_000);
    expect((await desk(ana, "GET", "/me")).status).toBe(401);
  });

  it("lists the inbox submitted first and oldest first, with counts and search by reference or document number", async () => {
    t = await sessionApp(store.db);
    t.answer.current = specimenRead();
    const ana = await agent("ana@bank.test");
    const first = await submittedSession("alpha-1");
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    await t.app.request(`${origin}/api/v1/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.apiKey.key}`, "content-type": "application/json" },
      body: JSON.stringify({ reference: "beta-1" }),
    });
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const second = await submittedSession("alpha-2");
    const inbox = (await (await desk(ana, "GET", "/inbox")).json()) as {
      counts: Record<string, number>;
      items: { id: string; reference: string; status: string; origin: string }[];
    };
    expect(inbox.items.map((i) => i.reference)).toEqual(["alpha-1", "alpha-2", "beta-1"]);
    expect(inbox.items.map((i) => i.id).slice(0, 2)).toEqual([first.id, second.id]);
    expect(inbox.counts).toMatchObject({ submitted: 2, created: 1, approved: 0 });
    expect(inbox.items[0]?.origin).toBe("acme");
    const byRef = (await (await desk(ana, "GET", "/inbox?q=alpha")).json()) as { items: unknown[] };
    expect(byRef.items).toHaveLength(2);
    const byNumber = (await (await desk(ana, "GET", "/inbox?q=l898902c3")).json()) as { items: { id: string }[] };
    expect(byNumber.items.map((i) => i.id)).toEqual([first.id, second.id]);
    const paged = (await (await desk(ana, "GET", "/inbox?limit=2")).json()) as { nextCursor: string };
    const rest = (await (await desk(ana, "GET", `/inbox?limit=2&cursor=${paged.nextCursor}`)).json()) as {
      items: { reference: string }[];
    };
    expect(rest.items.map((i) => i.reference)).toEqual(["beta-1"]);
    expect((await desk(ana, "GET", "/inbox?status=bogus")).status).toBe(400);
  });

  it("reviews a session: claim, edit re-checked, acknowledge, approve, webhook, audit trail", async () => {
    t = await sessionApp(store.db);
    t.answer.current = specimenRead();
    const ana = await agent("ana@bank.test");
    const bo = await agent("bo@bank.test");
    const { id } = await submittedSession("case-7");

    let view = await detail(ana, id);
    expect(view.result.warnings.find((w) => w.code === "expired")?.severity).toBe("critical");
    const noClaim = await desk(ana, "POST", `/sessions/${id}/edits`, {
      field: "number",
      value: "L898902C8",
      reason: "printed page",
      version: view.review.version,
    });
    expect((await errorOf(noClaim)).code).toBe("claim_required");
    expect((await desk(ana, "POST", `/sessions/${id}/claim`)).status).toBe(204);
    expect((await detail(bo, id)).session.claimedBy?.email).toBe("ana@bank.test");
    expect((await errorOf(await desk(bo, "POST", `/sessions/${id}/claim`))).code).toBe("claim_required");

    const failing = await desk(ana, "POST", `/sessions/${id}/edits`, {
      field: "number",
      value: "L898902C8",
      reason: "printed page shows C8",
      version: 0,
    });
    expect(failing.status).toBe(200);
    const afterFail = (await failing.json()) as { version: number; edits: { state: string }[] };
    expect(afterFail.edits.at(-1)?.state).toBe("failed");
    const stale = await desk(ana, "POST", `/sessions/${id}/edits`, {
      field: "number",
      value: "L898902C3",
      reason: "back",
      version: 0,
    });
    expect((await errorOf(stale)).code).toBe("review_conflict");
    const back = (await (
      await desk(ana, "POST", `/sessions/${id}/edits`, {
        field: "number",
        value: "L898902C3",
        reason: "misread of mine",
        version: afterFail.version,
      })
    ).json()) as { version: number; edits: { state: string }[] };
    expect(back.edits.at(-1)?.state).toBe("verified");

    const blocked = await desk(ana, "POST", `/sessions/${id}/decision`, {
      outcome: "approve",
      reason: "looks right",
      version: back.version,
    });
    expect(blocked.status).toBe(409);
    expect((await errorOf(blocked)).code).toBe("approval_blocked");
    const ackedVersion = await acknowledgeAll(ana, id, back.version);
    const approved = await desk(ana, "POST", `/sessions/${id}/decision`, {
      outcome: "approve",
      reason: "all checked",
      version: ackedVersion,
    });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { status: string }).status).toBe("approved");

    const outbox = await store.db.query<{ event_type: string; payload: { data: { status: string } } }>(
      "select event_type, payload from webhook_outbox order by seq",
    );
    expect(outbox.map((o) => [o.event_type, o.payload.data.status])).toEqual([
      ["session.submitted", "submitted"],
      ["session.decided", "approved"],
    ]);
    view = await detail(ana, id);
    expect(view.audit.map((e) => `${e.actor}:${e.action}`)).toEqual([
      "integrator:created",
      "customer:read",
      "customer:submitted",
      "agent:viewed",
      "agent:claimed",
      "agent:viewed",
      "agent:edited",
      "agent:edited",
      ...view.result.warnings.filter((w) => w.severity === "critical").map(() => "agent:acknowledged"),
      "agent:decided",
    ]);
    const firstEdit = view.audit.find((e) => e.action === "edited");
    expect(firstEdit?.agent?.email).toBe("ana@bank.test");
    expect(firstEdit?.detail).toMatchObject({
      field: "number",
      before: "L898902C3",
      after: "L898902C8",
      state: "failed",
    });
    expect(
      (
        await errorOf(
          await desk(ana, "POST", `/sessions/${id}/decision`, { outcome: "reject", reason: "x", version: 99 }),
        )
      ).code,
    ).toBe("session_not_reviewable");

    const api = (await (
      await t.app.request(`${origin}/api/v1/sessions/${id}`, { headers: { authorization: `Bearer ${t.apiKey.key}` } })
    ).json()) as { status: string; decision: { outcome: string } | null; audit: { action: string }[] };
    expect(api.status).toBe("approved");
    expect(api.decision?.outcome).toBe("approve");
    expect(api.audit.map((a) => a.action)).toContain("decided");

    const exported = await desk(ana, "GET", `/sessions/${id}/export`);
    expect(exported.headers.get("content-disposition")).toMatch(/attachment/);
    const file = (await exported.json()) as { audit: { action: string }[]; result: { document: { number: string } } };
    expect(file.result.document.number).toBe("L898902C3");
    expect(file.audit.map((a) => a.action)).toContain("decided");
  });

  it("requires a second, different reviewer for a read with critical warnings when a supervisor says so", async () => {
    t = await sessionApp(store.db);
    t.answer.current = specimenRead();
    const sup = await agent("sup@bank.test", "supervisor");
    const ana = await agent("ana@bank.test");
    const bo = await agent("bo@bank.test");
    expect((await errorOf(await desk(ana, "PUT", "/settings", { requireSecondReviewer: true }))).code).toBe(
      "role_required",
    );
    expect((await desk(sup, "PUT", "/settings", { requireSecondReviewer: true })).status).toBe(200);
    const { id } = await submittedSession("case-8");
    await desk(ana, "POST", `/sessions/${id}/claim`);
    const ackedVersion = await acknowledgeAll(ana, id, 0);
    const first = (await (
      await desk(ana, "POST", `/sessions/${id}/decision`, { outcome: "approve", reason: "fine", version: ackedVersion })
    ).json()) as { status: string; review: { version: number } };
    expect(first.status).toBe("submitted");
    const inbox = (await (await desk(bo, "GET", "/inbox")).json()) as {
      items: { id: string; awaitingSecondReview: boolean; claimedBy: unknown }[];
    };
    expect(inbox.items.find((i) => i.id === id)).toMatchObject({ awaitingSecondReview: true, claimedBy: null });
    await desk(ana, "POST", `/sessions/${id}/claim`);
    const again = await desk(ana, "POST", `/sessions/${id}/decision`, {
      outcome: "approve",
      reason: "still fine",
      version: first.review.version,
    });
    expect((await errorOf(again)).code).toBe("second_reviewer_required");
    // A supervisor hands it to Bo, whose approval completes it.
    expect((await desk(sup, "POST", `/sessions/${id}/assign`, { agentId: bo.id })).status).toBe(204);
    const done = await desk(bo, "POST", `/sessions/${id}/decision`, {
      outcome: "approve",
      reason: "second look",
      version: first.review.version,
    });
    expect(((await done.json()) as { status: string }).status).toBe("approved");
  });

  it("asks the customer for a retake: the link takes one new capture, shows the reason, and the desk approves it", async () => {
    t = await sessionApp(store.db);
    const ana = await agent("ana@bank.test");
    const { id, token } = await submittedSession("case-9");
    const oldCapture = (await store.db.query<{ id: string }>("select id from captures where session_id = $1", [id]))[0]!
      .id;
    await desk(ana, "POST", `/sessions/${id}/claim`);
    const retake = await desk(ana, "POST", `/sessions/${id}/decision`, {
      outcome: "retake",
      reason: "The photo is blurred: hold still.",
      version: 0,
    });
    expect(((await retake.json()) as { status: string }).status).toBe("retake_requested");
    const link = (await (
      await t.app.request(`${origin}/api/customer/session`, { headers: { "X-Session-Token": token } })
    ).json()) as { status: string; retakeReason: string; readsLeft: number };
    expect(link).toMatchObject({ status: "retake_requested", retakeReason: "The photo is blurred: hold still." });
    expect(link.readsLeft).toBe(3);
    expect((await errorOf(await customerSubmit(token, oldCapture))).code).toBe("capture_not_found");
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const newCapture = await customerRead(token);
    expect((await customerSubmit(token, newCapture)).status).toBe(200);
    const view = await detail(ana, id);
    expect(view.session.status).toBe("submitted");
    expect(view.review.edits).toEqual([]);
    const approved = await desk(ana, "POST", `/sessions/${id}/decision`, {
      outcome: "approve",
      reason: "sharp now",
      version: view.review.version,
    });
    expect(((await approved.json()) as { status: string }).status).toBe("approved");
    const events = await store.db.query<{ event_type: string; payload: { data: { status: string } } }>(
      "select event_type, payload from webhook_outbox order by seq",
    );
    expect(events.map((e) => e.payload.data.status)).toEqual([
      "submitted",
      "retake_requested",
      "submitted",
      "approved",
    ]);
  });

  it("shows an erased session with its trail and no personal data; only a supervisor erases", async () => {
    t = await sessionApp(store.db);
    t.answer.current = specimenRead();
    const sup = await agent("sup@bank.test", "supervisor");
    const ana = await agent("ana@bank.test");
    const { id } = await submittedSession("case-10");
    await desk(ana, "POST", `/sessions/${id}/claim`);
    await desk(ana, "POST", `/sessions/${id}/edits`, {
      field: "surname",
      value: "ERIKSEN",
      reason: "printed page",
      version: 0,
    });
    expect((await errorOf(await desk(ana, "DELETE", `/sessions/${id}`))).code).toBe("role_required");
    expect((await desk(sup, "DELETE", `/sessions/${id}`)).status).toBe(204);

    const res = await desk(ana, "GET", `/sessions/${id}`);
    expect(res.status).toBe(200);
    const text = await res.clone().text();
    for (const personal of ["ERIKSSON", "ERIKSEN", "L898902C3", "printed page"]) expect(text).not.toContain(personal);
    const view = (await res.json()) as {
      session: { erasedAt: string | null };
      result: unknown;
      review: { edits: unknown[] };
      audit: { action: string; detail: unknown }[];
    };
    expect(view.session.erasedAt).not.toBeNull();
    expect(view.result).toBeNull();
    expect(view.review.edits).toEqual([]);
    expect(view.audit.map((e) => e.action)).toContain("edited");
    expect(view.audit.find((e) => e.action === "edited")?.detail).toBeNull();
    expect(view.audit.at(-1)?.action).toBe("viewed");
    expect(view.audit.map((e) => e.action)).toContain("erased");
    // Nothing of the review can change any more.
    const edit = await desk(ana, "POST", `/sessions/${id}/edits`, {
      field: "surname",
      value: "X",
      reason: "r",
      version: 1,
    });
    expect((await errorOf(edit)).code).toBe("session_erased");
  });

  it("captures a walk-in at the desk as a session of its own, claimed by the agent and audited", async () => {
    t = await sessionApp(store.db);
    const ana = await agent("ana@bank.test");
    const created = await desk(ana, "POST", "/sessions", { reference: "walk-in 12" });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    const captureId = await customerRead(token);
    expect((await customerSubmit(token, captureId)).status).toBe(200);
    const view = await detail(ana, id);
    expect(view.session).toMatchObject({ status: "submitted", claimedBy: { email: "ana@bank.test" }, origin: "desk" });
    expect(view.audit[0]).toMatchObject({ actor: "agent", action: "created", agent: { email: "ana@bank.test" } });
  });

  it("takes a walk-in's expired passport to the agent even where the customer's policy refuses it", async () => {
    t = await sessionApp(store.db, { policy: DEFAULT_CUSTOMER_CONFIG });
    t.answer.current = specimenRead();
    const ana = await agent("ana@bank.test");
    const { id, token } = (await (await desk(ana, "POST", "/sessions", { reference: "walk-in 13" })).json()) as {
      id: string;
      token: string;
    };
    expect((await customerSubmit(token, await customerRead(token))).status).toBe(200);
    expect((await detail(ana, id)).session.status).toBe("submitted");
    // A customer's own link is still held to the policy.
    const created = await t.app.request(`${origin}/api/v1/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.apiKey.key}`, "content-type": "application/json" },
      body: JSON.stringify({ reference: "case-13" }),
    });
    const customer = new URL(((await created.json()) as { url: string }).url).pathname.split("/")[2]!;
    const refused = await customerSubmit(customer, await customerRead(customer));
    expect((await errorOf(refused)).code).toBe("document_expired");
  });
});
