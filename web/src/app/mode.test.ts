import { describe, expect, it } from "vitest";
import { modeFromPath, sessionLinkFromPath } from "./mode";

describe("routes", () => {
  it("tells the desk from the customer's flow", () => {
    expect(modeFromPath("/desk")).toBe("desk");
    expect(modeFromPath("/desk/")).toBe("desk");
    expect(modeFromPath("/desk/sessions/ses_1")).toBe("desk");
    expect(modeFromPath("/desktop")).toBe("customer");
    expect(modeFromPath("/")).toBe("customer");
    expect(modeFromPath("/s/abc")).toBe("customer");
  });

  it("reads a verification link's token from the path only", () => {
    const token = "M2u3Jd8xYq0bZl4nX1c9VwM2u3Jd8xYq0bZl4nX1c9V";
    expect(sessionLinkFromPath(`/s/${token}`)).toEqual({ kind: "token", token });
    expect(sessionLinkFromPath(`/s/${token}/`)).toEqual({ kind: "token", token });
    expect(sessionLinkFromPath("/")).toEqual({ kind: "none" });
    expect(sessionLinkFromPath("/desk")).toEqual({ kind: "none" });
    expect(sessionLinkFromPath("/s/")).toEqual({ kind: "malformed" });
    expect(sessionLinkFromPath(`/s/${token}/more`)).toEqual({ kind: "malformed" });
    expect(sessionLinkFromPath("/s/has%20space")).toEqual({ kind: "malformed" });
    expect(sessionLinkFromPath(`/h/${token}`)).toEqual({ kind: "handoff", token });
    expect(sessionLinkFromPath("/h/")).toEqual({ kind: "malformed" });
  });
});
