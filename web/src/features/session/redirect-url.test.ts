import { describe, expect, it } from "vitest";
import { redirectTarget } from "./redirect-url";

describe("redirectTarget", () => {
  it("adds the session and status to the integrator's URL, keeping its own query and fragment", () => {
    expect(redirectTarget("https://shop.example/done?cart=7#top", "ses_1", "submitted")?.href).toBe(
      "https://shop.example/done?cart=7&session=ses_1&status=submitted#top",
    );
  });

  it("replaces session and status the URL already had", () => {
    expect(redirectTarget("https://shop.example/?status=x&session=y", "ses_2", "submitted")?.search).toBe(
      "?status=submitted&session=ses_2",
    );
  });

  it("goes nowhere without a URL or with one that is not http(s)", () => {
    expect(redirectTarget(null, "ses_1", "submitted")).toBeNull();
    expect(redirectTarget("javascript:alert(1)", "ses_1", "submitted")).toBeNull();
    expect(redirectTarget("not a url", "ses_1", "submitted")).toBeNull();
  });
});
