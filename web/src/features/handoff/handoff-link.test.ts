import { describe, expect, it } from "vitest";
import { handoffTokenFromPath } from "./handoff-link";

describe("handoffTokenFromPath", () => {
  it("reads the link's token from /h/<token> only", () => {
    const token = "M2u3Jd8xYq0bZl4nX1c9VwM2u3Jd8xYq0bZl4nX1c9V";
    expect(handoffTokenFromPath(`/h/${token}`)).toBe(token);
    expect(handoffTokenFromPath(`/h/${token}/`)).toBe(token);
    expect(handoffTokenFromPath("/h/short")).toBeNull();
    expect(handoffTokenFromPath(`/s/${token}`)).toBeNull();
    expect(handoffTokenFromPath(`/h/${token}/more`)).toBeNull();
  });
});
