import type { Env } from "../env";
import { AppError } from "../errors";
import type { PassportProvider } from "./provider";

/** Builds the provider the configuration names (OCR_PROVIDER; `local` unless Tencent credentials are set). */
export async function createProvider(env: Env): Promise<PassportProvider> {
  if (env.OCR_PROVIDER === "tencent") {
    throw new Error("tencent provider wiring lands with the provider module");
  }
  return {
    name: "local",
    recognize: async () => {
      throw new AppError(503, "engine_unavailable", "The offline engine is not available yet.");
    },
    health: async () => ({ provider: "local", ready: false, detail: "offline engine not built yet" }),
  };
}
