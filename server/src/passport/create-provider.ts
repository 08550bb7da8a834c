import type { Env } from "../env";
import { createLocalProvider } from "./local/provider";
import type { PassportProvider } from "./provider";
import { createTencentProvider } from "./tencent/provider";

/** Builds the provider the configuration names (OCR_PROVIDER; `local` unless Tencent credentials are set). */
export function createProvider(env: Env): PassportProvider {
  if (env.OCR_PROVIDER === "tencent") {
    return createTencentProvider({
      secretId: env.TENCENTCLOUD_SECRET_ID ?? "",
      secretKey: env.TENCENTCLOUD_SECRET_KEY ?? "",
      sessionToken: env.TENCENTCLOUD_SESSION_TOKEN,
      region: env.TENCENTCLOUD_REGION,
      endpoint: env.TENCENTCLOUD_ENDPOINT,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      budget: { perMinute: env.UPSTREAM_MAX_PER_MINUTE, perDay: env.UPSTREAM_MAX_PER_DAY },
    });
  }
  return createLocalProvider({ workers: env.LOCAL_WORKERS, queueMax: env.LOCAL_QUEUE_MAX });
}
