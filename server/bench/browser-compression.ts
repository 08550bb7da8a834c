/**
 * Browser compression time for a 12-megapixel photo in Debian Chromium: the web app's own compression module
 * (web/src/features/prepare/prepare-image.ts, the one the capture flow calls) built with the web app's Vite into a
 * bench page, driven with playwright-core. The photo is a synthetic passport (server/synthetic) at 4000 x 3000.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { generatePassport } from "../synthetic/generate-passport";
import { buildBenchPage, CHROMIUM, serveDir, serverUrl } from "./bench-page";
import { REPO_DIR } from "./bench-servers";

const PREPARE_MODULE = join(REPO_DIR, "web/src/features/prepare/prepare-image.ts");

export interface CompressionBench {
  photo: { width: number; height: number; bytes: number };
  runs: number;
  /** Every run includes starting the compression worker, as each capture does. */
  medianMs: number;
  firstMs: number;
  output: { width: number; height: number; bytes: number; passes: number };
}

export async function benchCompression(options: { runs: number }): Promise<CompressionBench> {
  if (!existsSync(PREPARE_MODULE)) throw new Error(`${PREPARE_MODULE} missing: the web app's compression module`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);
  const work = await mkdtemp(join(tmpdir(), "bench-compression-"));
  let server: Server | undefined;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const out = await buildBenchPage(work, { prepare: "features/prepare/prepare-image" });

    const photo = await generatePassport({
      seed: 12_000_000,
      conditions: { preset: "clean", width: 4000, height: 3000 },
    });
    server = await serveDir(out, { "/photo.jpg": Buffer.from(photo.image) });
    const page = await browser.newPage();
    await page.goto(serverUrl(server));
    await page.waitForFunction(() => typeof (window as unknown as { prepare?: unknown }).prepare === "object");
    const results = await page.evaluate(
      async ({ runs, mediaType }) => {
        const prepare = (
          window as unknown as {
            prepare: {
              prepareImage: (b: Blob) => Promise<{ blob: Blob; width: number; height: number; passes: number }>;
            };
          }
        ).prepare.prepareImage;
        const bytes = await (await fetch("/photo.jpg")).arrayBuffer();
        const file = new File([bytes], "photo.jpg", { type: mediaType });
        const out: { ms: number; width: number; height: number; bytes: number; passes: number }[] = [];
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          const prepared = await prepare(file);
          out.push({
            ms: performance.now() - started,
            width: prepared.width,
            height: prepared.height,
            bytes: prepared.blob.size,
            passes: prepared.passes,
          });
        }
        return out;
      },
      { runs: options.runs, mediaType: photo.mediaType },
    );
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    const last = results.at(-1);
    if (!last) throw new Error("no compression run");
    return {
      photo: { width: photo.width, height: photo.height, bytes: photo.image.length },
      runs: results.length,
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
      firstMs: results[0]?.ms ?? 0,
      output: { width: last.width, height: last.height, bytes: last.bytes, passes: last.passes },
    };
  } finally {
    await browser.close();
    server?.close();
    await rm(work, { recursive: true, force: true });
  }
}
