import type { PassportResult, ProviderName } from "contract/result";

export interface RecognizeInput {
  /** The image bytes, already checked to be PNG, JPEG or BMP and within the size limit. */
  image: Uint8Array;
  mediaType: "image/png" | "image/jpeg" | "image/bmp";
  /** Ask for the cropped identity photo. */
  portrait: boolean;
  requestId: string;
  /** The client's address key: a provider with a queue serves clients in fair shares. */
  client: string;
  /** Aborted when the client goes away or the deadline passes. */
  signal: AbortSignal;
}

export interface ProviderHealth {
  provider: ProviderName;
  ready: boolean;
  /** For the operator only (GET /api/health shows it to the operator's token): where it reads, what is wrong. */
  detail?: string;
  /** For the operator only: the provider's own figures (worker pool, upstream budget, circuit breaker). */
  figures?: Record<string, unknown>;
}

/** One way to read a passport. Implementations: tencent/ (cloud) and local/ (offline engine). */
export interface PassportProvider {
  readonly name: ProviderName;
  recognize(input: RecognizeInput): Promise<PassportResult>;
  health(): Promise<ProviderHealth>;
  /** Releases workers, sockets and timers; the server calls it on shutdown. */
  close?(): Promise<void>;
}
