import type { Env } from "../env";
import { AppError } from "../errors";
import type { PassportProvider } from "./provider";
import { createTencentProvider } from "./tencent/provider";

/** Builds the provider the configuration names (OCR_PROVIDER; `local` unless Tencent credentials are set). */
export async function createProvider(env: Env): Promise<PassportProvider> {
  if (env.OCR_PROVIDER === "tencent") {
    return createTencentProvider({
      secretId: env.TENCENTCLOUD_SECRET_ID ?? "",
      secretKey: env.TENCENTCLOUD_SECRET_KEY ?? "",
      sessionToken: env.TENCENTCLOUD_SESSION_TOKEN,
      region: env.TENCENTCLOUD_REGION,
      endpoint: env.TENCENTCLOUD_ENDPOINT,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    });
  }
  return {
    name: "local",
    recognize: async () => {
      throw new AppError(503, "engine_unavailable", "The offline engine is not available yet.");
    },
    health: async () => ({ provider: "local", ready: false, detail: "offline engine not built yet" }),
  };
}
