/**
 * The Tencent Cloud provider: MLIDPassportOCR through our signed client, mapped to the normalized result.
 * Built by index.ts from the validated env (see docs/decisions/0201-tencent-signing-and-transport.md).
 */
import { AppError } from "../../errors";
import type { PassportProvider, RecognizeInput } from "../provider";
import type { PassportResult } from "../result";
import { createTencentClient, type TencentClientConfig } from "./client";
import { mapTencentResponse } from "./map-response";

/** MLIDPassportOCR's limit on ImageBase64, after encoding. */
export const TENCENT_MAX_IMAGE_BASE64 = 7 * 1024 * 1024;

export type TencentProviderConfig = TencentClientConfig;

/** Base64 with web-standard APIs only (no Buffer), in chunks so large images do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = "";
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  }
  return btoa(binary);
}

export function createTencentProvider(config: TencentProviderConfig): PassportProvider {
  const configured = Boolean(config.secretId && config.secretKey);
  const client = configured ? createTencentClient(config) : null;
  const host = new URL(config.endpoint).host;

  return {
    name: "tencent",

    async recognize(input: RecognizeInput): Promise<PassportResult> {
      if (!client) {
        throw new AppError(
          503,
          "provider_not_configured",
          "The passport service is not set up: Tencent Cloud credentials are missing. The operator has to set them.",
        );
      }
      const imageBase64 = toBase64(input.image);
      if (imageBase64.length > TENCENT_MAX_IMAGE_BASE64) {
        throw new AppError(
          413,
          "image_too_large",
          "The photo is too large for the recognition service (over 7 MB once encoded, about 5 MB as a file). Take it again at a lower resolution or send a JPEG.",
          { retake: true },
        );
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
