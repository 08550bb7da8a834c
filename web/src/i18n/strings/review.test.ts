import { LOCALES } from "contract/locales";
import { WARNING_CATALOGUE, WARNING_CODES } from "contract/warning-catalogue";
import { describe, expect, it } from "vitest";
import { reviewStrings, warningStrings } from "./review";

describe("review strings", () => {
  it("give every catalogue code a title, explanation and action in every locale", () => {
    for (const locale of LOCALES) {
      for (const code of WARNING_CODES) {
        for (const part of ["title", "message", "action"] as const) {
          const text = warningStrings[locale][`${code}.${part}`];
          expect(text, `${locale} ${code}.${part}`).toBeTruthy();
          if (part === "title") expect(text, `${locale} ${code}.title is still the bare code`).not.toBe(code);
        }
      }
    }
  });

  it("use the server catalogue's English words verbatim", () => {
    expect(warningStrings.en["tencent_reflection.action"]).toBe(WARNING_CATALOGUE.tencent_reflection.action);
    expect(warningStrings["zh-CN"]["tencent_reflection.action"]).not.toBe(WARNING_CATALOGUE.tencent_reflection.action);
  });

  it("have the same keys in every locale, none empty", () => {
    for (const locale of LOCALES) {
      expect(Object.keys(reviewStrings[locale]).sort(), locale).toEqual(Object.keys(reviewStrings.en).sort());
      for (const value of Object.values(reviewStrings[locale])) expect(value.trim(), locale).not.toBe("");
    }
  });
});
