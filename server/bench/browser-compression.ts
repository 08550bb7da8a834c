/**
 * Browser compression time for a 12-megapixel photo in Debian Chromium: the web app's own compression module
 * (web/src/features/prepare/prepare-image.ts, the one the capture flow calls) built with the web app's Vite into a
 * bench page, driven with playwright-core. The photo is a synthetic passport (server/synthetic) at 4000 x 3000.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, relative } from "node:path";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { generatePassport } from "../synthetic/generate-passport";
import { REPO_DIR } from "./bench-servers";

const run = promisify(execFile);
const PREPARE_MODULE = join(REPO_DIR, "web/src/features/prepare/prepare-image.ts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface CompressionBench {
  photo: { width: number; height: number; bytes: number };
  runs: number;
  /** Every run includes starting the compression worker, as each capture does. */
  medianMs: number;
  firstMs: number;
  output: { width: number; height: number; bytes: number; passes: number };
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".jpg": "image/jpeg",
};

function serveDir(dir: string, extra: Record<string, Buffer>): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    const body = extra[path] ?? (await readFile(join(dir, path === "/" ? "index.html" : path)).catch(() => null));
    if (!body || path.includes("..")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] ?? "application/octet-stream" });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
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
    const entry = relative(work, PREPARE_MODULE).replace(/\.ts$/, "");
    await writeFile(
      join(work, "entry.ts"),
      `import { prepareImage } from "${entry}";\n(window as any).prepareImage = prepareImage;\n`,
    );
    await writeFile(
      join(work, "index.html"),
      '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./entry.ts"></script></head><body></body></html>',
    );
    await writeFile(
      join(work, "vite.config.mjs"),
      `export default { root: ${JSON.stringify(work)}, logLevel: "warn", build: { outDir: ${JSON.stringify(join(work, "out"))}, emptyOutDir: true, target: "es2022" } };\n`,
    );
    await run(
      process.execPath,
      [join(REPO_DIR, "web/node_modules/vite/bin/vite.js"), "build", "--config", join(work, "vite.config.mjs")],
      {
        cwd: join(REPO_DIR, "web"),
        maxBuffer: 16 * 1024 * 1024,
      },
    );

    const photo = await generatePassport({
      seed: 12_000_000,
      conditions: { preset: "clean", width: 4000, height: 3000 },
    });
    server = await serveDir(join(work, "out"), { "/photo.jpg": Buffer.from(photo.image) });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(
      () => typeof (window as unknown as { prepareImage?: unknown }).prepareImage === "function",
    );
    const results = await page.evaluate(
      async ({ runs, mediaType }) => {
        const prepare = (
          window as unknown as {
            prepareImage: (b: Blob) => Promise<{ blob: Blob; width: number; height: number; passes: number }>;
          }
        ).prepareImage;
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
