import { CLIENT_ERROR_CODES, ERROR_CODES } from "contract/error-catalogue";
import { LOCALES } from "contract/locales";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error";
import { describeError, errorStrings } from "./errors";

const en = errorStrings.en;

describe("error strings", () => {
  it("describes every catalogued code in every language with its own words, not the fallback", () => {
    for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) {
      for (const strings of LOCALES.map((locale) => errorStrings[locale])) {
        const described = describeError(new ApiError(400, code, "x"), strings);
        expect(described.message, code).toBe(strings[code]);
        expect(described.message, code).not.toBe(strings.unknown);
        expect(described.message.length, code).toBeGreaterThan(3);
      }
    }
  });
});

describe("describeError", () => {
  it("tells a person to retake when the MRZ was not found", () => {
    const d = describeError(new ApiError(422, "mrz_not_found", "x", true), en);
    expect(d).toEqual({ code: "mrz_not_found", message: en.mrz_not_found, next: "retake", nextText: en.next_retake });
  });

  it("gives the wait from Retry-After for rate limits", () => {
    const d = describeError(new ApiError(429, "rate_limited", "x", false, 12), en);
    expect(d.next).toBe("later");
    expect(d.nextText).toBe("Please try again in 12 seconds.");
  });

  it("sends operator problems to the operator and picks another file for unsupported types", () => {
    expect(describeError(new ApiError(503, "engine_unavailable", "x"), en).next).toBe("operator");
    expect(describeError(new ApiError(415, "unsupported_media_type", "x", true), en).next).toBe("other-file");
  });

  it("falls back by family, retake flag and status for codes it does not know", () => {
    expect(describeError(new ApiError(503, "upstream_account_unavailable", "x"), en).next).toBe("operator");
    expect(describeError(new ApiError(502, "upstream_something_new", "x"), en)).toMatchObject({
      next: "later",
      message: en.unknown,
    });
    expect(describeError(new ApiError(403, "upstream_new_auth_thing", "x"), en).next).toBe("operator");
    expect(describeError(new ApiError(422, "brand_new", "x", true), en).next).toBe("retake");
    expect(describeError(new ApiError(418, "teapot", "x"), en).next).toBe("operator");
    expect(describeError(new Error("plain"), en)).toMatchObject({ code: "unknown", next: "later" });
  });

  it("speaks Chinese when asked", () => {
    expect(describeError(new ApiError(422, "mrz_unreadable", "x", true), errorStrings["zh-CN"]).message).toBe(
      "找到了机读码，但无法可靠地读取。",
    );
  });
});
