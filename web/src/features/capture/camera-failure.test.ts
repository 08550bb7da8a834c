import { describe, expect, it } from "vitest";
import { browserFamily, classifyCameraError, isInAppBrowser, preflightFailure } from "./camera-failure";

const named = (name: string) => Object.assign(new Error(name), { name });

const UA = {
  chromeDesktop:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  safariIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  samsung:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
  wechat:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323a) NetType/WIFI Language/zh_CN",
  instagram:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.0.0 Mobile Safari/537.36 Instagram 350.0.0.0",
};

describe("classifyCameraError", () => {
  it("maps the DOMException names browsers use to our screens", () => {
    expect(classifyCameraError(named("NotAllowedError"))).toBe("denied");
    expect(classifyCameraError(named("PermissionDeniedError"))).toBe("denied");
    expect(classifyCameraError(named("NotFoundError"))).toBe("no-camera");
    expect(classifyCameraError(named("NotReadableError"))).toBe("busy");
    expect(classifyCameraError(named("TrackStartError"))).toBe("busy");
    expect(classifyCameraError(new TypeError("no"))).toBe("unsupported");
    expect(classifyCameraError("weird")).toBe("unknown");
    expect(classifyCameraError(null)).toBe("unknown");
  });
});

describe("preflight", () => {
  it("stops on plain HTTP before asking", () => {
    expect(preflightFailure({ isSecureContext: false, hasGetUserMedia: true, userAgent: UA.chromeDesktop })).toBe(
      "insecure",
    );
  });
  it("names in-app browsers without the camera API", () => {
    expect(preflightFailure({ isSecureContext: true, hasGetUserMedia: false, userAgent: UA.wechat })).toBe("in-app");
    expect(preflightFailure({ isSecureContext: true, hasGetUserMedia: false, userAgent: UA.chromeDesktop })).toBe(
      "unsupported",
    );
    expect(preflightFailure({ isSecureContext: true, hasGetUserMedia: true, userAgent: UA.chromeDesktop })).toBeNull();
  });
  it("detects in-app browsers and not the real ones", () => {
    expect(isInAppBrowser(UA.wechat)).toBe(true);
    expect(isInAppBrowser(UA.instagram)).toBe(true);
    expect(isInAppBrowser(UA.chromeAndroid)).toBe(false);
    expect(isInAppBrowser(UA.safariIos)).toBe(false);
  });
});

describe("browserFamily", () => {
  it("tells the common browsers apart for the permission steps", () => {
    expect(browserFamily(UA.chromeDesktop)).toBe("chrome");
    expect(browserFamily(UA.chromeAndroid)).toBe("chrome-android");
    expect(browserFamily(UA.safariIos)).toBe("safari-ios");
    expect(browserFamily(UA.safariMac)).toBe("safari");
    expect(browserFamily(UA.firefox)).toBe("firefox");
    expect(browserFamily(UA.edge)).toBe("edge");
    expect(browserFamily(UA.samsung)).toBe("samsung");
  });
});
