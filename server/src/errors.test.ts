import { ERROR_CATALOGUE, ERROR_CODES, type ErrorCode } from "contract/error-catalogue";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "./app";
import { AppError, type ErrorBody } from "./errors";
import type { PassportProvider } from "./passport/provider";
import { PNG } from "./passport/tiny-images";

/** An app whose provider fails every request with `failure`. */
function failingApp(failure: () => unknown) {
  const provider: PassportProvider = {
    name: "local",
    recognize: async () => {
      throw failure();
    },
    health: async () => ({ provider: "local", ready: true }),
  };
  return createApp({ provider, rateLimit: { max: 100, windowMs: 60_000 }, allowedHosts: ["app.test"] });
}

async function send(app: ReturnType<typeof createApp>, path = "/api/passport") {
  const body = new FormData();
  body.set("image", new Blob([PNG as BlobPart]), "photo");
  const res = await app.request(new Request(`http://app.test${path}`, { method: "POST", body }));
  return { res, body: (await res.json()) as ErrorBody };
}

describe("AppError", () => {
  it("takes status, retake flag and message from the catalogue for every code", () => {
    for (const code of ERROR_CODES) {
      const error = new AppError(code);
      const entry = ERROR_CATALOGUE[code];
      expect({ status: error.status, retake: error.retake, body: error.toBody() }, code).toEqual({
        status: entry.status,
        retake: entry.retake,
        body: { error: { code, message: entry.message, retake: entry.retake } },
      });
    }
  });

  it("lets a call site name specifics in the message but not change status or retake", () => {
    const error = new AppError("image_too_large", { message: "The image is 9.0 MB.", upstreamRequestId: "req-9" });
    expect([error.status, error.retake, error.message]).toEqual([413, true, "The image is 9.0 MB."]);
    expect(error.toBody()).toEqual({
      error: { code: "image_too_large", message: "The image is 9.0 MB.", retake: true, upstreamRequestId: "req-9" },
    });
  });
});

describe("error responses", () => {
  it.each<ErrorCode>([
    "mrz_not_found",
    "engine_busy",
    "upstream_rate_limited",
    "upstream_timeout",
    "image_undecodable",
  ])("answer %s with the catalogue's status, retake flag and message", async (code) => {
    // (Operator-only codes are answered as service_unavailable: app.security.test.ts.)
    const { res, body } = await send(failingApp(() => new AppError(code)));
    const entry = ERROR_CATALOGUE[code];
    expect([res.status, res.headers.get("x-error-code")]).toEqual([entry.status, code]);
    expect(body).toEqual({ error: { code, message: entry.message, retake: entry.retake } });
  });

  it("send Retry-After when the error carries a wait", async () => {
    const { res, body } = await send(failingApp(() => new AppError("engine_busy", { retryAfterSeconds: 4 })));
    expect([res.status, res.headers.get("retry-after"), body.error.code]).toEqual([503, "4", "engine_busy"]);
  });

  it("answer anything uncatalogued as internal_error, and an unknown endpoint as not_found", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const crashed = await send(failingApp(() => new Error("boom")));
    expect(log).toHaveBeenCalledWith(expect.stringContaining("unhandled error: Error: boom"));
    log.mockRestore();
    expect([crashed.res.status, crashed.body.error]).toEqual([
      ERROR_CATALOGUE.internal_error.status,
      { code: "internal_error", message: ERROR_CATALOGUE.internal_error.message, retake: false },
    ]);
    const missing = await send(
      failingApp(() => new Error("unused")),
      "/api/nothing-here",
    );
    expect([missing.res.status, missing.body.error.code]).toEqual([404, "not_found"]);
  });
});
