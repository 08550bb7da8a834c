import type { Quad } from "contract/geometry";
import { useEffect, useState } from "react";
import { locateMrzBand } from "./locate-mrz-band";

/** Width the photo is scaled to before searching: MRZ characters stay several pixels tall, the search stays fast. */
const SEARCH_WIDTH = 500;

/**
 * Looks for the MRZ band in the photo in the browser when the provider did not say where it is (Tencent). Returns the
 * band in fractions of the image's width and height, null while looking or when nothing was found.
 */
export function useLocatedBand(image: Blob, enabled: boolean): Quad | null {
  const [band, setBand] = useState<Quad | null>(null);
  useEffect(() => {
    setBand(null);
    if (!enabled || typeof createImageBitmap !== "function") return;
    let cancelled = false;
    (async () => {
      const probe = await createImageBitmap(image);
      const scale = Math.min(1, SEARCH_WIDTH / probe.width);
      const width = Math.max(1, Math.round(probe.width * scale));
      const height = Math.max(1, Math.round(probe.height * scale));
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) return;
      context.drawImage(probe, 0, 0, width, height);
      probe.close();
      const rgba = context.getImageData(0, 0, width, height).data;
      const gray = new Uint8Array(width * height);
      for (let i = 0; i < gray.length; i++) {
        gray[i] = Math.round(
          0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0),
        );
      }
      const quad = locateMrzBand({ width, height, data: gray });
      if (!cancelled && quad) setBand(quad.map((p) => ({ x: p.x / width, y: p.y / height })) as Quad);
    })().catch(() => {
      // An image the browser cannot decode keeps the estimated band; the review itself does not depend on it.
    });
    return () => {
      cancelled = true;
    };
  }, [image, enabled]);
  return band;
}
