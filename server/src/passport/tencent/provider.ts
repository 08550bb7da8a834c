/**
 * The Tencent Cloud provider: MLIDPassportOCR through our signed client, mapped to the normalized result.
 * Built by index.ts from the validated env (see docs/decisions/0201-tencent-signing-and-transport.md).
 * Every call is paid, so nothing goes out that cannot be read: the image's own header must say it is whole and at
 * least 800x500, and the server-wide budget and circuit breaker must let the call through.
 */

import { base64Length, MAX_BASE64_CHARS, MIN_LONG_SIDE, MIN_SHORT_SIDE } from "contract/image-limits";
import type { PassportResult } from "contract/result";
import { AppError } from "../../errors";
import { wholeImageHeader } from "../image-header";
import type { PassportProvider, RecognizeInput } from "../provider";
import { CircuitBreaker, type CircuitBreakerOptions } from "./circuit-breaker";
import { createTencentClient, type TencentClientConfig } from "./client";
import { mapTencentResponse } from "./map-response";
import { UpstreamBudget } from "./upstream-budget";

export type TencentProviderConfig = Omit<TencentClientConfig, "budget" | "breaker"> & {
  /** Paid calls per minute and per UTC day for the whole server (UPSTREAM_MAX_PER_MINUTE, UPSTREAM_MAX_PER_DAY). */
  budget?: { perMinute: number; perDay: number } | undefined;
  breaker?: CircuitBreakerOptions | undefined;
};

/** Refuses, before any call is paid for, an image the upstream could not read. */
function checkWorthReading(input: Pick<RecognizeInput, "image" | "mediaType">): void {
  const header = wholeImageHeader(input);
  const long = Math.max(header.width, header.height);
  const short = Math.min(header.width, header.height);
  if (long < MIN_LONG_SIDE || short < MIN_SHORT_SIDE) {
    throw new AppError("image_too_small_for_provider", {
      message: `The photo is ${header.width} x ${header.height} pixels; at least ${MIN_LONG_SIDE} x ${MIN_SHORT_SIDE} are needed to read the passport. Take it again closer or at a higher resolution.`,
    });
  }
}

export function createTencentProvider(config: TencentProviderConfig): PassportProvider {
  const configured = Boolean(config.secretId && config.secretKey);
  const budget = config.budget && new UpstreamBudget({ ...config.budget, ...(config.now ? { now: config.now } : {}) });
  const breaker = new CircuitBreaker({ ...config.breaker, ...(config.now ? { now: config.now } : {}) });
  const client = configured ? createTencentClient({ ...config, budget, breaker }) : null;
  const host = new URL(config.endpoint).host;

  return {
    name: "tencent",

    async recognize(input: RecognizeInput): Promise<PassportResult> {
      if (!client) {
        throw new AppError("provider_not_configured");
      }
      if (base64Length(input.image.length) > MAX_BASE64_CHARS) {
        throw new AppError("image_too_large", {
          message:
            "The photo is too large for the recognition service (over 7 MB once encoded, about 5 MB as a file). Take it again at a lower resolution or send a JPEG.",
        });
      }
      checkWorthReading(input);
      const call = await client.mlidPassportOcr({ image: input.image, retImage: input.portrait }, input.signal);
      const result = mapTencentResponse(call.response, { requestId: input.requestId, portrait: input.portrait });
      return { ...result, upstreamRequestId: result.upstreamRequestId ?? call.upstreamRequestId ?? null };
    },

    async health() {
      if (!configured) {
        return { provider: "tencent", ready: false, detail: "Tencent Cloud credentials are not configured" };
      }
      return {
        provider: "tencent",
        ready: true,
        detail: `Tencent Cloud MLIDPassportOCR via ${host}${config.region ? ` (region ${config.region})` : ""}`,
        figures: { circuit: breaker.status(), ...(budget ? { budget: budget.status() } : {}) },
      };
    },
  };
}
