export type Mode = "customer" | "desk";

/** `/desk` is the agents' desk, everything else the customer's flow. */
export function modeFromPath(pathname: string): Mode {
  return /^\/desk\/?$/.test(pathname) ? "desk" : "customer";
}
