import { describe, expect, it } from "vitest";
import { closestLocale, isLocale, LOCALES } from "./locales";

describe("locales", () => {
  it("ships English, Simplified and Traditional Chinese", () => {
    expect(LOCALES).toEqual(["en", "zh-CN", "zh-TW"]);
    expect(isLocale("zh-TW")).toBe(true);
    expect(isLocale("zh")).toBe(false);
    expect(isLocale("fr")).toBe(false);
  });

  it("maps browser tags to the closest shipped locale", () => {
    expect(closestLocale("zh-TW")).toBe("zh-TW");
    expect(closestLocale("zh-Hant-HK")).toBe("zh-TW");
    expect(closestLocale("zh-HK")).toBe("zh-TW");
    expect(closestLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(closestLocale("zh")).toBe("zh-CN");
    expect(closestLocale("en-GB")).toBe("en");
    expect(closestLocale("fr-FR")).toBeNull();
    expect(closestLocale("ko")).toBeNull();
  });
});
