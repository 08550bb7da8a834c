import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { offlineAppUrl, scriptFakeTencent, tencentAppUrl } from "../support/servers";

// Passport images never land on disk: after both providers handled an image, no file written since the start of the
// test (in the temp dir or anywhere in the repository) holds any piece of it, raw or base64.

const repo = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** A JPEG drawn in the page from random pixels, so every slice of it is unique to this test run. */
async function uniqueJpeg(page: Page): Promise<Buffer> {
  const seed = randomBytes(4).readUInt32LE(0);
  const bytes = await page.evaluate(async (seed) => {
    const width = 1600;
    const height = 1200;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d context");
    const pixels = context.createImageData(width, height);
    let state = seed || 1;
    for (let i = 0; i < pixels.data.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      pixels.data[i] = i % 4 === 3 ? 255 : state & 255;
    }
    context.putImageData(pixels, 0, 0);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.8 });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }, seed);
  return Buffer.from(bytes);
}

/** Distinct pieces of the image: raw slices and slices of its base64 (aligned, as any encoder would produce them). */
function fingerprints(image: Buffer): Buffer[] {
  const base64 = image.toString("base64");
  const pieces: Buffer[] = [];
  for (const at of [0.25, 0.5, 0.75]) {
    const raw = Math.floor(image.length * at);
    pieces.push(image.subarray(raw, raw + 48));
    const b64 = Math.floor((base64.length * at) / 4) * 4;
    pieces.push(Buffer.from(base64.slice(b64, b64 + 64)));
  }
  return pieces;
}

async function filesNewerThan(marker: string, dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    const { stdout } = await run(
      "find",
      [dir, "-xdev", "(", "-name", ".git", "-prune", ")", "-o", "-type", "f", "-newer", marker, "-print"],
      { maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    found.push(...stdout.split("\n").filter(Boolean));
  }
  return [...new Set(found)].filter((f) => f !== marker);
}

test("images sent through either provider are never written to disk", async ({ page }) => {
  test.setTimeout(120_000);
  const marker = join(tmpdir(), `disk-check-${process.pid}-${Date.now()}`);
  await writeFile(marker, "");
  // mtime granularity: make sure anything written from now on is strictly newer than the marker.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  try {
    await page.goto(`${offlineAppUrl}/__none__`);
    const image = await uniqueJpeg(page);
    expect(image.length).toBeGreaterThan(200_000);
    const pieces = fingerprints(image);

    await scriptFakeTencent([{ type: "success" }]);
    const statuses: Record<string, number> = {};
    for (const [name, base] of [
      ["tencent", tencentAppUrl],
      ["offline", offlineAppUrl],
    ] as const) {
      const form = new FormData();
      form.set("image", new Blob([new Uint8Array(image)], { type: "image/jpeg" }), "passport.jpg");
      form.set("portrait", "true");
      const multipart = await fetch(`${base}/api/passport`, { method: "POST", body: form });
      await multipart.arrayBuffer();
      const json = await fetch(`${base}/api/passport`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ imageBase64: image.toString("base64") }),
      });
      await json.arrayBuffer();
      statuses[`${name} multipart`] = multipart.status;
      statuses[`${name} json`] = json.status;
    }
    // The image was accepted and processed (not refused at the door): the upstream answered, the engine ran.
    expect(statuses["tencent multipart"]).toBe(200);
    expect(statuses["tencent json"]).toBe(200);
    const offline = (await (await fetch(`${offlineAppUrl}/api/health`)).json()) as { ready: boolean };
    if (offline.ready) {
      // The engine decoded and read it (or said it found no MRZ in random pixels).
      expect([200, 422]).toContain(statuses["offline multipart"]);
      expect([200, 422]).toContain(statuses["offline json"]);
    } else {
      test
        .info()
        .annotations.push({ type: "note", description: "offline engine not ready: only the Tencent path ran" });
    }

    // Control: a file that does hold the image (as base64) must be found, or the scan proves nothing.
    const control = `${marker}-control`;
    await writeFile(control, JSON.stringify({ imageBase64: image.toString("base64") }));

    const written = await filesNewerThan(marker, [tmpdir(), repo]);
    const holding: string[] = [];
    for (const file of written) {
      const info = await stat(file).catch(() => null);
      if (!info || info.size > 256 * 1024 * 1024) continue;
      const content = await readFile(file).catch(() => null);
      if (content && pieces.some((piece) => content.includes(piece))) holding.push(file);
    }
    expect(holding).toEqual([control]);
  } finally {
    await rm(marker, { force: true });
    await rm(`${marker}-control`, { force: true });
  }
});
