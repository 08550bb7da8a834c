import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { parseEnv } from "./env";
import { AppError } from "./errors";
import type { PassportProvider } from "./passport/provider";

const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`Invalid configuration:\n${parsed.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
const env = parsed.env;

const unavailable: PassportProvider = {
  name: "local",
  recognize: async () => {
    throw new AppError(503, "engine_unavailable", "The offline engine is not available yet.");
  },
  health: async () => ({ provider: "local", ready: false, detail: "offline engine not built" }),
};

const app = createApp({ provider: unavailable });
serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(`listening on http://localhost:${info.port} (provider: ${env.OCR_PROVIDER})`);
});
