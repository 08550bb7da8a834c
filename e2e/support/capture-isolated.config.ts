import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { E2E_TENCENT_SECRET_ID, E2E_TENCENT_SECRET_KEY } from "./servers";

/**
 * The capture specs on their own set of servers (ports 18797-18799), for running them while another suite holds the
 * shared e2e ports:  pnpm --filter e2e exec playwright test -c support/capture-isolated.config.ts capture
 * CI uses playwright.config.ts; this only changes where the fake upstream and the Tencent-backed app listen.
 */
const fakePort = 18797;
const appPort = 18798;
const offlinePort = 18799;
process.env.CAPTURE_FAKE_URL = `http://127.0.0.1:${fakePort}`;
process.env.CAPTURE_APP_URL = `http://127.0.0.1:${appPort}`;
process.env.CAPTURE_OFFLINE_URL = `http://127.0.0.1:${offlinePort}`;

/** webServer commands run from e2e/, like in playwright.config.ts. */
const e2eDir = fileURLToPath(new URL("..", import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"];

export default defineConfig({
  testDir: "../tests",
  testMatch: /capture-.*\.spec\.ts/,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: { baseURL: process.env.CAPTURE_APP_URL, trace: "off", launchOptions: { executablePath, args } },
  webServer: [
    {
      command: `pnpm --filter server exec tsx test/fake-tencent-cli.ts --port ${fakePort} --secret-id ${E2E_TENCENT_SECRET_ID} --secret-key ${E2E_TENCENT_SECRET_KEY}`,
      url: `${process.env.CAPTURE_FAKE_URL}/__fake/requests`,
      cwd: e2eDir,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "node ../server/dist/index.js",
      cwd: e2eDir,
      url: `${process.env.CAPTURE_APP_URL}/api/health`,
      reuseExistingServer: false,
      env: {
        HOST: "127.0.0.1",
        PORT: String(appPort),
        RATE_LIMIT_MAX: "1000",
        OCR_PROVIDER: "tencent",
        TENCENTCLOUD_SECRET_ID: E2E_TENCENT_SECRET_ID,
        TENCENTCLOUD_SECRET_KEY: E2E_TENCENT_SECRET_KEY,
        TENCENTCLOUD_ENDPOINT: process.env.CAPTURE_FAKE_URL,
        UPSTREAM_TIMEOUT_MS: "5000",
      },
    },
    {
      command: "node ../server/dist/index.js",
      cwd: e2eDir,
      url: `${process.env.CAPTURE_OFFLINE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { HOST: "127.0.0.1", PORT: String(offlinePort), RATE_LIMIT_MAX: "1000", OCR_PROVIDER: "local" },
    },
  ],
});
