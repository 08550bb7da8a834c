/**
 * The capture tokens of the walk-ins this tab started, by session id: the desk captures again for its own walk-in
 * after a retake, and a reload of the capture page keeps working. sessionStorage only: gone with the tab, never in a
 * URL.
 */
const PREFIX = "passport-kyc.desk.walk-in:";

export interface WalkInCapture {
  token: string;
  reference: string;
}

export function rememberWalkIn(id: string, capture: WalkInCapture): void {
  sessionStorage.setItem(PREFIX + id, JSON.stringify(capture));
}

export function walkInCapture(id: string): WalkInCapture | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(PREFIX + id) ?? "null") as Partial<WalkInCapture> | null;
    return typeof parsed?.token === "string" && typeof parsed.reference === "string"
      ? { token: parsed.token, reference: parsed.reference }
      : null;
  } catch {
    return null;
  }
}

export function forgetWalkIn(id: string): void {
  sessionStorage.removeItem(PREFIX + id);
}

/** On signing out: the next agent at this browser gets none of them. */
export function forgetAllWalkIns(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
