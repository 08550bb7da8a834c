/** Why the camera cannot be used. Every kind has its own screen with upload as the way forward. */
export type CameraFailure =
  | "insecure"
  | "unsupported"
  | "in-app"
  | "no-camera"
  | "denied"
  | "busy"
  | "track-ended"
  | "unknown";

/** Browsers whose settings we describe step by step on the permission screen. */
export type BrowserFamily =
  | "chrome-android"
  | "chrome"
  | "safari-ios"
  | "safari"
  | "firefox"
  | "edge"
  | "samsung"
  | "other";

/** Maps a getUserMedia rejection to the screen to show. */
export function classifyCameraError(error: unknown): CameraFailure {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "no-camera";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "busy";
    case "TypeError":
      return "unsupported";
    default:
      return "unknown";
  }
}

/** In-app browsers (social apps' web views) usually have no camera access; we send people to a real browser. */
const IN_APP =
  /\b(FBAN|FBAV|FB_IAB|Instagram|Line\/|MicroMessenger|WeChat|Weibo|QQ\/|TikTok|musical_ly|BytedanceWebview|Snapchat|Twitter|LinkedInApp|Pinterest|GSA\/)\b|; wv\)/i;

export function isInAppBrowser(userAgent: string): boolean {
  return IN_APP.test(userAgent);
}

/** What stops the camera before we even ask: no HTTPS, no API, or an in-app browser. */
export function preflightFailure(env: {
  isSecureContext: boolean;
  hasGetUserMedia: boolean;
  userAgent: string;
}): CameraFailure | null {
  if (!env.isSecureContext) return "insecure";
  if (isInAppBrowser(env.userAgent) && !env.hasGetUserMedia) return "in-app";
  if (!env.hasGetUserMedia) return isInAppBrowser(env.userAgent) ? "in-app" : "unsupported";
  return null;
}

export function browserFamily(userAgent: string): BrowserFamily {
  if (/SamsungBrowser/i.test(userAgent)) return "samsung";
  if (/Edg(A|iOS)?\//.test(userAgent)) return "edge";
  if (/Firefox\/|FxiOS\//.test(userAgent)) return "firefox";
  if (/CriOS\//.test(userAgent)) return "safari-ios"; // Chrome on iOS follows iOS camera settings.
  if (/(iPhone|iPad|iPod)/.test(userAgent)) return "safari-ios";
  if (/Chrome\//.test(userAgent)) return /Android/.test(userAgent) ? "chrome-android" : "chrome";
  if (/Safari\//.test(userAgent)) return "safari";
  return "other";
}
