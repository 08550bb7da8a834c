import type { Page } from "@playwright/test";
import sharp from "sharp";

export interface SentImage {
  bytes: number;
  base64Length: number;
  width: number;
  height: number;
  format: string | undefined;
  hasExif: boolean;
  orientation: number | undefined;
  raw: Buffer;
}

declare global {
  interface Window {
    __sentImages?: Blob[];
  }
}

/**
 * Records the `image` part of every FormData the page sends with XHR. Chromium does not report file parts of a
 * multipart body to DevTools (request.postDataBuffer() is null), so the test keeps the exact Blob handed to
 * send(); the browser writes those bytes unchanged into the multipart body. Call before page.goto().
 */
export async function recordSentImages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__sentImages = [];
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      if (body instanceof FormData) {
        const image = body.get("image");
        if (image instanceof Blob) window.__sentImages?.push(image);
      }
      return send.call(this, body);
    };
  });
}

/** The n-th image the page sent (waits for it), decoded as it left. */
export async function sentImage(page: Page, index = 0): Promise<SentImage> {
  await page.waitForFunction((i) => (window.__sentImages?.length ?? 0) > i, index, { timeout: 60_000 });
  const base64 = await page.evaluate(async (i) => {
    const blob = window.__sentImages?.[i];
    if (!blob) throw new Error("no image recorded");
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = "";
    for (let j = 0; j < bytes.length; j += 0x8000) binary += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
    return btoa(binary);
  }, index);
  const raw = Buffer.from(base64, "base64");
  const meta = await sharp(raw).metadata();
  return {
    bytes: raw.length,
    base64Length: base64.length,
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    format: meta.format,
    hasExif: meta.exif !== undefined,
    orientation: meta.orientation,
    raw,
  };
}
