import { describe, expect, it } from "vitest";
import { type DeskView, deskPath, deskViewFromPath } from "./desk-path";

describe("desk paths", () => {
  it("reads each screen from its path and writes it back", () => {
    const views: DeskView[] = [
      { name: "inbox" },
      { name: "session", id: "ses_01JABC-x" },
      { name: "walk-in" },
      { name: "walk-in-capture", id: "ses_2" },
      { name: "settings" },
    ];
    for (const view of views) expect(deskViewFromPath(deskPath(view))).toEqual(view);
  });

  it("takes a trailing slash and sends anything else to the inbox", () => {
    expect(deskViewFromPath("/desk/")).toEqual({ name: "inbox" });
    expect(deskViewFromPath("/desk/settings/")).toEqual({ name: "settings" });
    expect(deskViewFromPath("/desk/sessions/")).toEqual({ name: "inbox" });
    expect(deskViewFromPath("/desk/sessions/a%20b")).toEqual({ name: "inbox" });
    expect(deskViewFromPath("/desk/sessions/x/y")).toEqual({ name: "inbox" });
  });
});
