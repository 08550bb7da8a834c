import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { deskRequest, SIGNED_IN_AGENT_KEY } from "./desk-request";
import { queryClient } from "./query-client";

const agent = { id: "agt_1", email: "ana@bank.test", role: "agent", mustChangePassword: false, csrfToken: "csrf-1" };

function answer(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(status === 204 ? null : JSON.stringify(body), { status });
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  queryClient.clear();
});

describe("deskRequest", () => {
  it("sends the signed-in agent's CSRF token on state-changing calls only, and JSON bodies", async () => {
    queryClient.setQueryData(SIGNED_IN_AGENT_KEY, agent);
    const calls = answer(200, { ok: true });
    await deskRequest("/inbox");
    await deskRequest("/sessions/s1/claim", { method: "POST" });
    await deskRequest("/settings", { method: "PUT", body: { requireSecondReviewer: true } });
    const headers = calls.map((c) => c.init.headers as Record<string, string>);
    expect(calls.map((c) => [c.url, c.init.method])).toEqual([
      ["/api/desk/inbox", "GET"],
      ["/api/desk/sessions/s1/claim", "POST"],
      ["/api/desk/settings", "PUT"],
    ]);
    expect(headers.map((h) => h["X-CSRF-Token"])).toEqual([undefined, "csrf-1", "csrf-1"]);
    expect(headers[2]?.["content-type"]).toBe("application/json");
    expect(calls[2]?.init.body).toBe('{"requireSecondReviewer":true}');
    expect(calls.every((c) => c.init.credentials === "same-origin" && c.init.cache === "no-store")).toBe(true);
  });

  it("answers 204 with nothing, and a catalogued error as one ApiError", async () => {
    answer(204, null);
    await expect(deskRequest("/sign-out", { method: "POST" })).resolves.toBeUndefined();
    answer(409, { error: { code: "claim_required", message: "Claim this session first." } });
    const error = await deskRequest("/sessions/s1/edits", { method: "POST", body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "claim_required" });
  });

  it("forgets the agent when the server says nobody is signed in (the sign-in screen comes back)", async () => {
    queryClient.setQueryData(SIGNED_IN_AGENT_KEY, agent);
    answer(401, { error: { code: "not_signed_in", message: "Sign in." } });
    await expect(deskRequest("/inbox")).rejects.toMatchObject({ code: "not_signed_in" });
    expect(queryClient.getQueryData(SIGNED_IN_AGENT_KEY)).toBeNull();
  });

  it("names a request that never arrived as network_error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(deskRequest("/inbox")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});
