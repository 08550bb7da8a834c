import { defineConfig, devices } from "@playwright/test";

/** Debian's Chromium: Playwright's own browser download is not reachable from our machines. */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumArgs = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"];

const port = Number(process.env.E2E_PORT ?? 8799);

export default defineConfig({
  testDir: "tests",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: chromiumArgs } } },
  ],
  webServer: {
    command: "node ../server/dist/index.js",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    env: { PORT: String(port), HOST: "127.0.0.1", OCR_PROVIDER: "local" },
  },
});
