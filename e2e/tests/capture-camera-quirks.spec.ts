import { expect, test } from "@playwright/test";
import { fakeCameraLaunch } from "../support/capture-browser";
import { captureFixtures, fakeVideoPath } from "../support/capture-fixtures";
import { tencentAppUrl } from "../support/servers";

// Browser behaviours headless Chromium cannot produce on its own (Safari's over-constraint, a camera held by another
// app, a camera unplugged mid-session) are injected into getUserMedia / the track; the real fake camera does the rest.
test.use({ launchOptions: fakeCameraLaunch(fakeVideoPath) });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await captureFixtures();
});

test("Safari-style OverconstrainedError on width+height: the camera still starts, asking for width only", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const asked: MediaStreamConstraints[] = [];
    (window as unknown as { __asked: MediaStreamConstraints[] }).__asked = asked;
    navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      asked.push(JSON.parse(JSON.stringify(constraints ?? {})));
      const video = constraints?.video as MediaTrackConstraints | undefined;
      if (video?.width && video.height) throw new DOMException("width and height", "OverconstrainedError");
      return real(constraints);
    };
  });
  await page.goto(`${tencentAppUrl}/?goodFrames=1000`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 15_000 });
  const asked = await page.evaluate(() => (window as unknown as { __asked: MediaStreamConstraints[] }).__asked);
  expect(asked[0]?.video).toEqual({
    facingMode: { ideal: "environment" },
    width: { ideal: 1920 },
    height: { ideal: 1080 },
  });
  expect(asked[1]?.video).toEqual({ facingMode: { ideal: "environment" }, width: { ideal: 1920 } });
  // The back-facing fake camera is not mirrored.
  await expect(page.locator("video")).toHaveCSS("transform", "none");
  await page.getByRole("button", { name: "Take photo" }).click();
  const size = await page
    .getByRole("img", { name: "The photo you took" })
    .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size).toEqual([1920, 1080]);
});

test("a camera held by another app (NotReadableError) shows the busy screen; retry works once it is free", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    let refusals = 1;
    navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      if (refusals-- > 0) throw new DOMException("Could not start video source", "NotReadableError");
      return real(constraints);
    };
  });
  await page.goto(`${tencentAppUrl}/?goodFrames=1000`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("heading", { name: "The camera is in use" })).toBeVisible();
  await expect(page.getByLabel("Choose a file")).toBeAttached();
  await page.getByRole("button", { name: "Try the camera again" }).click();
  await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 15_000 });
});

test("the camera track ending mid-session shows its screen with retry and upload", async ({ page }) => {
  await page.goto(`${tencentAppUrl}/?goodFrames=1000`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 15_000 });
  // What the browser does when the camera is unplugged or taken: the track fires "ended".
  await page.evaluate(() => {
    const stream = document.querySelector("video")?.srcObject as MediaStream | null;
    const track = stream?.getVideoTracks()[0];
    if (!track) throw new Error("no live track");
    track.stop();
    track.dispatchEvent(new Event("ended"));
  });
  await expect(page.getByRole("heading", { name: "The camera stopped" })).toBeVisible();
  await expect(page.getByLabel("Choose a file")).toBeAttached();
  await page.getByRole("button", { name: "Try the camera again" }).click();
  await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 15_000 });
});
