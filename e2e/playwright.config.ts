import { defineConfig, devices } from "@playwright/test";
import { tempDataDir } from "./support/app-server";
import { E2E_PORTS, E2E_TENCENT_SECRET_ID, E2E_TENCENT_SECRET_KEY } from "./support/servers";

/** Debian's Chromium: Playwright's own browser download is not reachable from our machines. */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"];

const appEnv = { HOST: "127.0.0.1", RATE_LIMIT_MAX: "1000" };

// Each app server opens an embedded database in its DATA_DIR, one process per directory. The config is read again in
// every worker: the directories are made once, in the runner, and handed down through the environment.
process.env.E2E_DATA_DIR_TENCENT ??= tempDataDir("tencent");
process.env.E2E_DATA_DIR_OFFLINE ??= tempDataDir("offline");

export default defineConfig({
  testDir: "tests",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORTS.offline}`,
    trace: "off",
    launchOptions: { executablePath, args },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args } } }],
  // Three servers on E2E_PORTS: E2E_PORT_BASE (default 8797) and the next two, see support/servers.ts.
  webServer: [
    {
      name: "fake-tencent",
      command: `pnpm --filter server exec tsx test/fake-tencent-cli.ts --port ${E2E_PORTS.fakeTencent} --secret-id ${E2E_TENCENT_SECRET_ID} --secret-key ${E2E_TENCENT_SECRET_KEY}`,
      url: `http://127.0.0.1:${E2E_PORTS.fakeTencent}/__fake/requests`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      name: "app-tencent",
      command: "node ../server/dist/index.js",
      url: `http://127.0.0.1:${E2E_PORTS.tencent}/api/health`,
      reuseExistingServer: false,
      env: {
        ...appEnv,
        PORT: String(E2E_PORTS.tencent),
        DATA_DIR: process.env.E2E_DATA_DIR_TENCENT,
        OCR_PROVIDER: "tencent",
        TENCENTCLOUD_SECRET_ID: E2E_TENCENT_SECRET_ID,
        TENCENTCLOUD_SECRET_KEY: E2E_TENCENT_SECRET_KEY,
        TENCENTCLOUD_ENDPOINT: `http://127.0.0.1:${E2E_PORTS.fakeTencent}`,
        UPSTREAM_TIMEOUT_MS: "5000",
      },
    },
    {
      name: "app-offline",
      command: "node ../server/dist/index.js",
      url: `http://127.0.0.1:${E2E_PORTS.offline}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...appEnv,
        PORT: String(E2E_PORTS.offline),
        DATA_DIR: process.env.E2E_DATA_DIR_OFFLINE,
        OCR_PROVIDER: "local",
      },
    },
  ],
});
