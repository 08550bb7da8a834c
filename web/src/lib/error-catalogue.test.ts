import { describe, expect, it } from "vitest";
import { errorStrings } from "../i18n/strings/errors";
import { ERROR_NEXT_STEP, nextStepFor } from "./error-catalogue";

/** The server's source, read as text: every `new AppError(status, "code"` and Tencent mapping `row(status, "code"`. */
const serverSources = import.meta.glob<string>(["../../../server/src/**/*.ts", "!../../../server/src/**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

function serverErrorCodes(): Set<string> {
  const codes = new Set<string>();
  for (const source of Object.values(serverSources)) {
    for (const match of source.matchAll(/(?:AppError|row)\(\s*\d{3},\s*"([a-z][a-z0-9_]+)"/g)) codes.add(match[1]!);
  }
  return codes;
}

describe("error catalogue", () => {
  it("covers every error code the server can send, with words in both languages (drift check)", () => {
    const codes = serverErrorCodes();
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((code) => !(code in ERROR_NEXT_STEP));
    expect(missing).toEqual([]);
    for (const code of codes) {
      expect((errorStrings.en as Record<string, string>)[code], code).toBeTruthy();
      expect((errorStrings["zh-CN"] as Record<string, string>)[code], code).toBeTruthy();
    }
  });

  it("falls back by retake flag, then status", () => {
    expect(nextStepFor("mrz_not_found", 422, false)).toBe("retake");
    expect(nextStepFor("something_new", 422, true)).toBe("retake");
    expect(nextStepFor("something_new", 503, false)).toBe("later");
    expect(nextStepFor("something_new", 0, false)).toBe("later");
    expect(nextStepFor("something_new", 409, false)).toBe("operator");
    expect(nextStepFor("something_new", 500, false)).toBe("later");
    expect(nextStepFor("something_new", undefined, false)).toBe("later");
  });
});
