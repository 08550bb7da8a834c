import { readFileSync, statSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { METADATA_MARKER } from "../support/capture-fixtures";
import { recordSentImages, sentImage } from "../support/sent-image";
import { fakeTencentRequests, scriptFakeTencent, tencentAppUrl } from "../support/servers";
import { fixturePerson, useCaptureFixturesReadByFake } from "../support/use-capture-fixtures";

// Upload path against the app backed by the fake Tencent upstream: each format arrives at most 7 MB as base64,
// at least 800x500, as a metadata-free JPEG, and the result screen shows the document number.
const MAX_BASE64 = 7 * 1024 * 1024;

const fx = useCaptureFixturesReadByFake();

/** CSP reports from the page and its workers (the HEIC decoder runs in a blob: worker). */
function watchCsp(page: Page): string[] {
  const reports: string[] = [];
  const onConsole = (text: string) => {
    if (/content security policy/i.test(text)) reports.push(text);
  };
  page.on("console", (m) => onConsole(m.text()));
  page.on("worker", (w) => w.on("console", (m) => onConsole(`worker: ${m.text()}`)));
  return reports;
}

async function upload(page: Page, file: string) {
  await recordSentImages(page);
  await page.goto(`${tencentAppUrl}/`);
  const request = page.waitForRequest((r) => r.url().endsWith("/api/passport") && r.method() === "POST", {
    timeout: 60_000,
  });
  await page.getByLabel("Choose a file").setInputFiles(file);
  expect((await request).headers()["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  return sentImage(page);
}

async function expectRead(page: Page) {
  await expect(page.getByText(fx().truth.document.number).first()).toBeVisible({ timeout: 30_000 });
}

for (const kind of ["png", "jpeg", "bmp", "heic", "jpeg50mp"] as const) {
  test(`upload ${kind}: arrives under the limit, at least 800x500, JPEG without metadata, and is read`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const csp = watchCsp(page);
    const image = await upload(page, fx()[kind]);
    // The 56 MP photo is ~21 MB: over the limit as it is, so only compression can make it fit.
    if (kind === "jpeg50mp") expect((statSync(fx()[kind]).size * 4) / 3).toBeGreaterThan(MAX_BASE64);
    expect(image.format).toBe("jpeg");
    expect(image.base64Length).toBeLessThanOrEqual(MAX_BASE64);
    // The default target for mobile networks: about 1.5 MB.
    expect(image.bytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    expect(Math.max(image.width, image.height)).toBeGreaterThanOrEqual(800);
    expect(Math.min(image.width, image.height)).toBeGreaterThanOrEqual(500);
    expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(2560);
    expect(image.hasExif).toBe(false);
    // Aspect of the 2000x1500 page kept (the 50 MP one is 8660x6495, the same 4:3).
    expect(image.width / image.height).toBeCloseTo(4 / 3, 1);
    console.log(`${kind}: sent ${image.width}x${image.height}, ${(image.bytes / 1024).toFixed(0)} KB`);
    await expectRead(page);
    const [received] = await fakeTencentRequests();
    expect(received?.imageBase64Length).toBe(image.base64Length);
    expect(csp).toEqual([]);
  });
}

test("an EXIF-rotated phone photo is turned upright and its metadata (EXIF incl. artist marker) stripped", async ({
  page,
}) => {
  const image = await upload(page, fx().rotatedJpeg);
  expect(image.width).toBeGreaterThan(image.height);
  expect(image.hasExif).toBe(false);
  expect(image.orientation).toBeUndefined();
  expect(image.raw.includes(Buffer.from(METADATA_MARKER))).toBe(false);
  await expectRead(page);
});

test("an image below 800x500 is refused in the browser with words and a next step", async ({ page }) => {
  let sent = false;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/passport")) sent = true;
  });
  await page.goto(`${tencentAppUrl}/`);
  await page.getByLabel("Choose a file").setInputFiles(fx().tooSmall);
  await expect(page.getByRole("alert")).toContainText("too small");
  await expect(page.getByRole("alert")).toContainText("Take the photo again");
  await expect(page.getByText("Error code: image_too_small")).toBeVisible();
  expect(sent).toBe(false);
});

test("an upstream 'no passport' answer is shown with words, the retake step and a hint to turn the page", async ({
  page,
}) => {
  await scriptFakeTencent([{ type: "error", code: "FailedOperation.NoPassport" }]);
  await page.goto(`${tencentAppUrl}/`);
  await page.getByLabel("Choose a file").setInputFiles(fx().jpeg);
  await expect(page.getByRole("alert")).toContainText("Take the photo again");
  await expect(page.getByRole("alert")).toContainText("Is the page turned sideways or upside down in your photo?");
  await expect(page.getByText(/Error code: /)).toBeVisible();
  await page.getByRole("button", { name: "Retake" }).click();
  await expect(page.getByRole("heading", { name: "Upload a photo" })).toBeVisible();
});

test("preparing a 50 MP photo can be cancelled; nothing is sent", async ({ page }) => {
  let sent = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/passport")) sent++;
  });
  await page.goto(`${tencentAppUrl}/`);
  await page.getByLabel("Choose a file").setInputFiles(fx().jpeg50mp);
  await expect(page.getByRole("status")).toHaveText("Preparing the photo…");
  await expect(page.getByRole("progressbar", { name: "Preparing", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Upload a photo" })).toBeVisible();
  await page.waitForTimeout(4000);
  expect(sent).toBe(0);
});

test("a rate-limited answer is retried by the browser after Retry-After, then read", async ({ page }) => {
  const limited = { type: "error", code: "RequestLimitExceeded.UinLimitExceeded" };
  // More refusals than the server's own bounded retries, so the browser has to send again.
  await scriptFakeTencent([
    limited,
    limited,
    limited,
    limited,
    limited,
    limited,
    { type: "success", person: fixturePerson(fx()) },
  ]);
  const statuses: number[] = [];
  page.on("response", (r) => {
    if (r.url().endsWith("/api/passport")) statuses.push(r.status());
  });
  await page.goto(`${tencentAppUrl}/`);
  await page.getByLabel("Choose a file").setInputFiles(fx().jpeg);
  await expectRead(page);
  expect(statuses.length).toBeGreaterThanOrEqual(2);
  expect(statuses.at(-1)).toBe(200);
  expect(statuses.slice(0, -1).every((s) => s === 429)).toBe(true);
});

for (const how of ["drop", "paste"] as const) {
  test(`a photo can be ${how === "drop" ? "dropped on the upload area" : "pasted"} and is read`, async ({ page }) => {
    await recordSentImages(page);
    await page.goto(`${tencentAppUrl}/`);
    const jpegBase64 = readFileSync(fx().jpeg).toString("base64");
    await page.evaluate(
      async ({ data, how }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], "passport.jpg", { type: "image/jpeg" }));
        if (how === "paste") {
          document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true }));
        } else {
          const zone = document.querySelector(".upload-panel");
          if (!zone) throw new Error("no upload area");
          zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
          zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      },
      { data: jpegBase64, how },
    );
    const image = await sentImage(page);
    expect([image.width, image.height]).toEqual([2000, 1500]);
    await expectRead(page);
  });
}

test("sending can be cancelled while the passport is being read; no result appears", async ({ page }) => {
  await scriptFakeTencent([{ type: "success", delayMs: 4000, person: fixturePerson(fx()) }]);
  await page.goto(`${tencentAppUrl}/`);
  await page.getByLabel("Choose a file").setInputFiles(fx().jpeg);
  await expect(page.getByRole("status")).toHaveText("Reading the passport…");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Upload a photo" })).toBeVisible();
  await page.waitForTimeout(5000);
  await expect(page.getByText(fx().truth.document.number)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Upload a photo" })).toBeVisible();
});
