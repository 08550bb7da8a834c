/**
 * The Tencent Cloud provider: MLIDPassportOCR through our signed client, mapped to the normalized result.
 * Built by index.ts from the validated env (see docs/decisions/0201-tencent-signing-and-transport.md).
 */

import { MAX_BASE64_CHARS } from "contract/image-limits";
import type { PassportResult } from "contract/result";
import { AppError } from "../../errors";
import { encodeBase64 } from "../base64";
import type { PassportProvider, RecognizeInput } from "../provider";
import { createTencentClient, type TencentClientConfig } from "./client";
import { mapTencentResponse } from "./map-response";

export type TencentProviderConfig = TencentClientConfig;

export function createTencentProvider(config: TencentProviderConfig): PassportProvider {
  const configured = Boolean(config.secretId && config.secretKey);
  const client = configured ? createTencentClient(config) : null;
  const host = new URL(config.endpoint).host;

  return {
    name: "tencent",

    async recognize(input: RecognizeInput): Promise<PassportResult> {
      if (!client) {
        throw new AppError("provider_not_configured");
      }
      const imageBase64 = encodeBase64(input.image);
      if (imageBase64.length > MAX_BASE64_CHARS) {
        throw new AppError("image_too_large", {
          message:
            "The photo is too large for the recognition service (over 7 MB once encoded, about 5 MB as a file). Take it again at a lower resolution or send a JPEG.",
        });
      }
      const call = await client.mlidPassportOcr({ ImageBase64: imageBase64, RetImage: input.portrait }, input.signal);
      const result = mapTencentResponse(call.response, { requestId: input.requestId, portrait: input.portrait });
      return { ...result, upstreamRequestId: result.upstreamRequestId ?? call.upstreamRequestId ?? null };
    },

    async health() {
      return configured
        ? {
            provider: "tencent",
            ready: true,
            detail: `Tencent Cloud MLIDPassportOCR via ${host}${config.region ? ` (region ${config.region})` : ""}`,
          }
        : { provider: "tencent", ready: false, detail: "Tencent Cloud credentials are not configured" };
    },
  };
}
