import { describe, expect, it } from "vitest";
import { detectLocale, format } from "./i18n";

describe("detectLocale", () => {
  it("prefers the first supported language", () => {
    expect(detectLocale(["fr-FR", "zh-TW", "en"])).toBe("zh-TW");
    expect(detectLocale(["fr-FR", "zh-CN", "en"])).toBe("zh-CN");
    expect(detectLocale(["en-GB", "zh-CN"])).toBe("en");
  });
  it("falls back to English", () => {
    expect(detectLocale([])).toBe("en");
    expect(detectLocale(["de"])).toBe("en");
  });
});

describe("format", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(format("{n} of {total} ({x})", { n: 2, total: 3 })).toBe("2 of 3 ({x})");
  });
});
