/**
 * The phone's own token for a handoff link it redeemed, kept in this tab's sessionStorage under the (spent) link, so
 * reloading /h/<link> goes on in the same session. The token never goes into a URL (history, logs, referrers).
 */
const KEY = "passport-kyc.handoff";

export function storedDeviceToken(linkToken: string): string | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as { link?: unknown; device?: unknown } | null;
    return stored?.link === linkToken && typeof stored.device === "string" ? stored.device : null;
  } catch {
    return null;
  }
}

export function storeDeviceToken(linkToken: string, deviceToken: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ link: linkToken, device: deviceToken }));
}
