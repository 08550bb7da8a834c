import type { LaunchOptions } from "@playwright/test";

/** Debian's Chromium (as in playwright.config.ts) with extra flags for the camera tests. */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const baseArgs = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"];

/** A fake camera playing `videoFile`, permission granted without a prompt. */
export function fakeCameraLaunch(videoFile: string): LaunchOptions {
  return {
    executablePath,
    args: [
      ...baseArgs,
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${videoFile}`,
    ],
  };
}

/** A fake camera exists but the permission prompt is answered "Block". */
export const deniedCameraLaunch: LaunchOptions = {
  executablePath,
  args: [...baseArgs, "--use-fake-device-for-media-stream", "--deny-permission-prompts"],
};

/** No camera at all (headless Chromium without fake devices has none). */
export const noCameraLaunch: LaunchOptions = { executablePath, args: baseArgs };

/** Phone and desktop viewports for the accessibility scans. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
export const DESKTOP = {
  viewport: { width: 1366, height: 900 },
  hasTouch: false,
  isMobile: false,
  deviceScaleFactor: 1,
};
