/** The desk's screens, each with its own address under /desk (so a reload or a shared link opens the same one). */
export type DeskView =
  | { name: "inbox" }
  | { name: "session"; id: string }
  | { name: "walk-in" }
  | { name: "walk-in-capture"; id: string }
  | { name: "settings" };

const ID = "([A-Za-z0-9_-]{1,100})";
const SESSION = new RegExp(`^/desk/sessions/${ID}/?$`);
const WALK_IN_CAPTURE = new RegExp(`^/desk/walk-in/${ID}/?$`);

/** The screen a path shows; anything unknown under /desk is the inbox. */
export function deskViewFromPath(pathname: string): DeskView {
  const session = SESSION.exec(pathname)?.[1];
  if (session) return { name: "session", id: session };
  const capture = WALK_IN_CAPTURE.exec(pathname)?.[1];
  if (capture) return { name: "walk-in-capture", id: capture };
  if (/^\/desk\/walk-in\/?$/.test(pathname)) return { name: "walk-in" };
  if (/^\/desk\/settings\/?$/.test(pathname)) return { name: "settings" };
  return { name: "inbox" };
}

export function deskPath(view: DeskView): string {
  switch (view.name) {
    case "inbox":
      return "/desk";
    case "session":
      return `/desk/sessions/${encodeURIComponent(view.id)}`;
    case "walk-in":
      return "/desk/walk-in";
    case "walk-in-capture":
      return `/desk/walk-in/${encodeURIComponent(view.id)}`;
    case "settings":
      return "/desk/settings";
  }
}
