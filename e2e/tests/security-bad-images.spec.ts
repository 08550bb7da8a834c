import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { PNG_SIGNATURE, rgbPng } from "../../server/test/tiny-png";
import { type AppServer, startAppServer } from "../support/app-server";

// Images that pass the magic-byte check but are broken or hostile, sent over HTTP to the built server running the
// offline engine (the one that decodes), in its own process: each gets its specific 4xx, its memory stays flat, it
// keeps serving, and its logs hold nothing of the images.
// (Bad input refused before decoding is covered in server/src/app.http.test.ts.)

/** A valid PNG header declaring width x height (8-bit RGB) with a few real rows of data: a decompression bomb's shape. */
function declaredPng(width: number, height: number): Buffer {
  return rgbPng(width, height, Buffer.alloc((1 + width * 3) * 4));
}

async function photoJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1200, 900);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d context");
    const gradient = context.createLinearGradient(0, 0, 1200, 900);
    gradient.addColorStop(0, "#c9d6e3");
    gradient.addColorStop(1, "#6b4f3a");
    context.fillStyle = gradient;
    context.fillRect(0, 0, 1200, 900);
    context.fillStyle = "#111";
    context.font = "48px monospace";
    context.fillText("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", 20, 780);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.9 });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(bytes);
}

/** Peak resident memory of a process (kernel high-water mark), from /proc. */
function peakRss(pid: number): number {
  const kb = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB/m)?.[1];
  if (!kb) throw new Error(`no VmHWM for ${pid}`);
  return Number(kb) * 1024;
}

let server: AppServer;
const sent: Buffer[] = [];

async function post(bytes: Buffer, type: string) {
  sent.push(bytes);
  const form = new FormData();
  form.set("image", new Blob([new Uint8Array(bytes)], { type }), "passport");
  const res = await fetch(`${server.url}/api/passport`, { method: "POST", body: form });
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, code: body.error?.code, message: body.error?.message ?? "" };
}

test.describe("broken and hostile images, decoded by the offline engine", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startAppServer({ OCR_PROVIDER: "local", RATE_LIMIT_MAX: "1000" });
    // The server listens before its workers have loaded the model; wait for the engine to say it is ready.
    await expect
      .poll(async () => ((await (await fetch(`${server.url}/api/health`)).json()) as { ready: boolean }).ready, {
        message: "the offline engine must become ready for these tests",
        timeout: 90_000,
        intervals: [500],
      })
      .toBe(true);
  });

  test.afterAll(async () => {
    await server?.dispose();
  });

  test("a truncated JPEG", async ({ page }) => {
    await page.goto("about:blank");
    const jpeg = await photoJpeg(page);
    const r = await post(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), "image/jpeg");
    expect([r.status, r.code]).toEqual([422, "image_undecodable"]);
  });

  test("a PNG header followed by garbage", async () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) & 255;
    const r = await post(Buffer.concat([PNG_SIGNATURE, garbage]), "image/png");
    expect([r.status, r.code]).toEqual([422, "image_undecodable"]);
  });

  test("a PNG that declares 20000 x 20000 pixels is refused without allocating it", async () => {
    const before = peakRss(server.pid);
    const bomb = declaredPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100_000);
    const r = await post(bomb, "image/png");
    expect([r.status, r.code]).toEqual([413, "image_too_large_pixels"]);
    expect(r.message).toContain("20000x20000");
    // Decoding it would take 1.2 GB (RGB) at least; the peak may not move by more than a fraction of that.
    expect(peakRss(server.pid) - before).toBeLessThan(200 * 1024 * 1024);
  });

  test("the server keeps serving afterwards, and its logs hold nothing of the images", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    const logs = server.output();
    expect(logs.match(/"path":"\/api\/passport"/g)?.length).toBe(sent.length);
    for (const bytes of sent) {
      const base64 = bytes.toString("base64");
      const middle = Math.floor(base64.length / 8) * 4;
      expect(logs).not.toContain(base64.slice(middle, middle + 32));
      expect(logs).not.toContain(bytes.subarray(16, 48).toString("latin1"));
    }
  });
});
