/**
 * The live document detector's time per analysed frame, in Debian Chromium, on the work the quality worker does for
 * one frame: the detection area (the guide with its margin) cropped and scaled to 640 px by createImageBitmap, drawn,
 * read back, turned to grey and searched for the MRZ (web/src/features/capture/document-detection.ts, built with the
 * web app's Vite). Frames are synthetic passports (server/synthetic) at 1920 x 1080, as a camera delivers them. Run
 * as is, and with Chromium's CPU throttled 4x as a stand-in for a mid-range phone. The budget is 30 ms per frame.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { generatePassport } from "../synthetic/generate-passport";
import { buildBenchPage, CHROMIUM, serveDir, serverUrl } from "./bench-page";

export interface DetectorBench {
  frames: number;
  runs: number;
  /** Wall time per frame: the pixels (crop, scale, read back, grey) and the search. */
  medianMs: number;
  p95Ms: number;
  /** Wall time of the search alone (detectDocument), median. */
  searchMedianMs: number;
  /** The page's main-thread CPU time per frame (CDP ThreadTime), unaffected by other load on the machine. */
  cpuMs: number;
  throttle: number;
  throttledMedianMs: number;
  throttledP95Ms: number;
  /** Frames whose MRZ the detector found. */
  found: number;
  /** Median |measured - true| MRZ capital height, in video pixels, over the frames found. */
  capErrorMedianPx: number;
}

const THROTTLE = 4;

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

export async function benchDetector(options: { frames: number; runs: number }): Promise<DetectorBench> {
  const work = await mkdtemp(join(tmpdir(), "bench-detector-"));
  let server: Server | undefined;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const out = await buildBenchPage(work, {
      detection: "features/capture/document-detection",
      metrics: "features/capture/frame-metrics",
    });
    const photos: Record<string, Buffer> = {};
    const truth: number[] = [];
    for (let i = 0; i < options.frames; i++) {
      const photo = await generatePassport({
        seed: 31_000_000 + i,
        conditions: { preset: "clean", width: 1920, height: 1080, pageFill: 0.66, jpegQuality: 92 },
      });
      photos[`/frame-${i}.jpg`] = Buffer.from(photo.image);
      truth.push(photo.truth.mrzCharHeightPx);
    }
    server = await serveDir(out, photos);
    const page = await browser.newPage();
    await page.goto(serverUrl(server));
    await page.waitForFunction(() => typeof (window as unknown as { detection?: unknown }).detection === "object");
    const measure = () =>
      page.evaluate(
        async ({ frames, runs }) => {
          type Detection = { found: boolean; capHeightPx: number | null };
          const w = window as unknown as {
            detection: {
              DETECTION_WIDTH: number;
              detectionGeometry: (
                w: number,
                h: number,
              ) => { area: { x: number; y: number; width: number; height: number } };
              detectDocument: (frame: unknown, geometry: unknown) => Detection;
            };
            metrics: { toGray: (rgba: Uint8ClampedArray, w: number, h: number) => unknown };
          };
          const { detection, metrics } = w;
          const times: number[] = [];
          const searchTimes: number[] = [];
          const results: Detection[] = [];
          const bitmaps: ImageBitmap[] = [];
          for (let i = 0; i < frames; i++) {
            bitmaps.push(await createImageBitmap(await (await fetch(`/frame-${i}.jpg`)).blob()));
          }
          const canvas = new OffscreenCanvas(1, 1);
          for (let run = 0; run < runs; run++) {
            for (const [i, source] of bitmaps.entries()) {
              const geometry = detection.detectionGeometry(source.width, source.height);
              const { area } = geometry;
              const width = detection.DETECTION_WIDTH;
              const height = Math.round((width * area.height) / area.width);
              const started = performance.now();
              const bitmap = await createImageBitmap(source, area.x, area.y, area.width, area.height, {
                resizeWidth: width,
                resizeHeight: height,
                resizeQuality: "medium",
              });
              canvas.width = width;
              canvas.height = height;
              const ctx = canvas.getContext("2d", { willReadFrequently: true });
              if (!ctx) throw new Error("no 2d context");
              ctx.drawImage(bitmap, 0, 0);
              bitmap.close();
              const gray = metrics.toGray(ctx.getImageData(0, 0, width, height).data, width, height);
              const searched = performance.now();
              const found = detection.detectDocument(gray, geometry);
              times.push(performance.now() - started);
              searchTimes.push(performance.now() - searched);
              if (run === 0) results[i] = found;
            }
          }
          return { times, searchTimes, results };
        },
        { frames: options.frames, runs: options.runs },
      );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const threadTime = async () => {
      const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
      return (metrics.find((m) => m.name === "ThreadTime")?.value ?? Number.NaN) * 1000;
    };
    const before = await threadTime();
    const plain = await measure();
    const cpuMs = ((await threadTime()) - before) / plain.times.length;
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    const throttled = await measure();
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    // The first pass warms the JIT: time the later ones.
    const steady = (times: number[]) => times.slice(options.frames);
    const errors = plain.results.flatMap((r, i) =>
      r.found && r.capHeightPx !== null ? [Math.abs(r.capHeightPx - (truth[i] ?? 0))] : [],
    );
    return {
      frames: options.frames,
      runs: options.runs,
      medianMs: percentile(steady(plain.times), 0.5),
      p95Ms: percentile(steady(plain.times), 0.95),
      searchMedianMs: percentile(steady(plain.searchTimes), 0.5),
      cpuMs,
      throttle: THROTTLE,
      throttledMedianMs: percentile(steady(throttled.times), 0.5),
      throttledP95Ms: percentile(steady(throttled.times), 0.95),
      found: plain.results.filter((r) => r.found).length,
      capErrorMedianPx: percentile(errors, 0.5),
    };
  } finally {
    await browser.close();
    server?.close();
    await rm(work, { recursive: true, force: true });
  }
}

// `node --import tsx bench/live-detector.ts`: this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchDetector({ frames: 8, runs: 4 }), null, 2));
}
