/**
 * The phone's device token for a handoff link it redeemed: kept in sessionStorage under the (spent) link's token, so
 * reloading /h/<link> keeps working in this tab. Never in a URL.
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
