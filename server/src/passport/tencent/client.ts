/**
 * One MLIDPassportOCR call over HTTPS: TC3-signed POST, a timeout per attempt, at most two retries with jittered
 * exponential backoff for transient failures only, and a deadline for the whole call. Web-standard APIs only.
 */
import { isOperatorOnly } from "contract/error-catalogue";
import { AppError } from "../../errors";
import { encodeBase64Into } from "../base64";
import type { CircuitBreaker } from "./circuit-breaker";
import { tencentError, transportError } from "./errors";
import { sha256Hex, signTc3 } from "./sign";
import type { UpstreamBudget } from "./upstream-budget";

export const MLID_PASSPORT_ACTION = "MLIDPassportOCR";
export const OCR_API_VERSION = "2018-11-19";
const CONTENT_TYPE = "application/json; charset=utf-8";
const MAX_RETRIES = 2;

export interface TencentClientConfig {
  secretId: string;
  secretKey: string;
  /** Temporary (STS) credentials only; sent as X-TC-Token. */
  sessionToken?: string | undefined;
  /** Sent as X-TC-Region when set, e.g. "ap-singapore". */
  region?: string | undefined;
  /** e.g. https://ocr.tencentcloudapi.com, https://ocr.intl.tencentcloudapi.com, http://127.0.0.1:8797 in tests. */
  endpoint: string;
  /** Milliseconds for one attempt (headers and body). */
  timeoutMs: number;
  /** Milliseconds for the whole call including retries; default 2.5 x timeoutMs. */
  deadlineMs?: number | undefined;
  /** Retries after the first attempt, 0..2; default 2. */
  maxRetries?: number | undefined;
  /** First backoff step in ms (doubles each retry, jittered); default 250. */
  backoffBaseMs?: number | undefined;
  /** X-TC-Language: "en-US" or "zh-CN"; default en-US. */
  language?: "en-US" | "zh-CN" | undefined;
  fetch?: typeof fetch | undefined;
  /** Clock in ms (signing timestamps and deadlines). */
  now?: (() => number) | undefined;
  /** [0, 1) for backoff jitter. */
  random?: (() => number) | undefined;
  /** Every attempt (a paid call) takes one from this allowance first. */
  budget?: UpstreamBudget | undefined;
  /** Refuses attempts while the upstream keeps failing, and learns from each attempt's outcome. */
  breaker?: CircuitBreaker | undefined;
}

export interface MlidPassportParams {
  /** The image's bytes: the client writes them into the body as base64 (ImageBase64). */
  image: Uint8Array;
  /** RetImage: ask for the cropped portrait. */
  retImage?: boolean;
}

const PREFIX = new TextEncoder().encode('{"ImageBase64":"');
const suffix = (retImage: boolean) => new TextEncoder().encode(`","RetImage":${retImage}}`);

/**
 * The request body, `{"ImageBase64":"...","RetImage":false}`, written straight into one byte buffer: base64 needs no
 * escaping, and JSON.stringify over a 1.4 MB string, then encoding it for the signature and again for the socket,
 * cost about 4 ms per MB on Node 20 (issue 17's benchmark).
 */
export function requestBody(params: MlidPassportParams): Uint8Array<ArrayBuffer> {
  const tail = suffix(params.retImage ?? false);
  const base64Length = Math.ceil(params.image.length / 3) * 4;
  const body = new Uint8Array(PREFIX.length + base64Length + tail.length);
  body.set(PREFIX);
  encodeBase64Into(params.image, body.subarray(PREFIX.length, PREFIX.length + base64Length));
  body.set(tail, PREFIX.length + base64Length);
  return body;
}

export interface TencentCallResult {
  /** The `Response` object of a successful answer. */
  response: Record<string, unknown>;
  upstreamRequestId: string | undefined;
  /** 1 + retries made. */
  attempts: number;
}

type ClassifiedError = AppError & { transient: boolean };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** The caller's signal fired: a deadline of theirs (TimeoutError) is a timeout, anything else a cancellation. */
function callerAborted(reason: unknown): ClassifiedError {
  const isTimeout =
    typeof reason === "object" && reason !== null && (reason as { name?: unknown }).name === "TimeoutError";
  return isTimeout ? transportError("timeout", { cause: reason }) : transportError("aborted", { cause: reason });
}

/** Interprets one HTTP answer: success Response, Tencent error, or an answer we cannot use. */
export function interpretAnswer(status: number, text: string): TencentCallResult | ClassifiedError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    if (status >= 500 || status === 429) {
      return Object.assign(transportError("httpError", { cause: { status } }), { transient: true });
    }
    if (status < 200 || status >= 300) {
      return Object.assign(transportError("httpError", { cause: { status } }), { transient: false });
    }
    return transportError("invalidJson", { cause });
  }
  const response = isRecord(parsed) ? parsed.Response : undefined;
  if (!isRecord(response)) {
    const transient = status >= 500 || status === 429;
    return Object.assign(transportError(transient ? "httpError" : "wrongShape", { cause: { status } }), { transient });
  }
  const requestId = typeof response.RequestId === "string" ? response.RequestId : undefined;
  // Errors come in the same envelope, whatever the HTTP status.
  if (response.Error !== undefined) {
    const error = response.Error;
    if (!isRecord(error) || typeof error.Code !== "string") {
      return transportError("wrongShape", { ...(requestId ? { upstreamRequestId: requestId } : {}) });
    }
    return tencentError(error.Code, requestId, typeof error.Message === "string" ? error.Message : undefined);
  }
  if (status < 200 || status >= 300) {
    const transient = status >= 500 || status === 429;
    return Object.assign(
      transportError("httpError", { cause: { status }, ...(requestId ? { upstreamRequestId: requestId } : {}) }),
      { transient },
    );
  }
  return { response, upstreamRequestId: requestId, attempts: 1 };
}

/** Equal jitter: after attempt n (1-based) wait base x 2^(n-1), half of it fixed and half scaled by `random` in [0, 1). */
export function backoffDelay(attempt: number, baseMs: number, random: number): number {
  const step = baseMs * 2 ** (attempt - 1);
  return Math.round(step / 2 + random * (step / 2));
}

export interface TencentClient {
  mlidPassportOcr(params: MlidPassportParams, signal?: AbortSignal): Promise<TencentCallResult>;
}

export function createTencentClient(config: TencentClientConfig): TencentClient {
  const url = new URL(config.endpoint);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError("TENCENTCLOUD_ENDPOINT must be an http(s) URL");
  }
  const target = `${url.origin}/`;
  const host = url.hostname;
  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const now = config.now ?? Date.now;
  const random = config.random ?? Math.random;
  const timeoutMs = config.timeoutMs;
  const deadlineMs = config.deadlineMs ?? Math.round(timeoutMs * 2.5);
  const maxRetries = Math.max(0, Math.min(MAX_RETRIES, config.maxRetries ?? MAX_RETRIES));
  const backoffBaseMs = config.backoffBaseMs ?? 250;

  async function attempt(
    body: Uint8Array<ArrayBuffer>,
    payloadHash: string,
    signal: AbortSignal,
  ): Promise<TencentCallResult | ClassifiedError> {
    const timestamp = Math.floor(now() / 1000);
    const { authorization } = await signTc3({
      secretId: config.secretId,
      secretKey: config.secretKey,
      host,
      contentType: CONTENT_TYPE,
      body,
      payloadHash,
      timestamp,
    });
    const headers: Record<string, string> = {
      Authorization: authorization,
      "Content-Type": CONTENT_TYPE,
      "X-TC-Action": MLID_PASSPORT_ACTION,
      "X-TC-Version": OCR_API_VERSION,
      "X-TC-Timestamp": String(timestamp),
      "X-TC-Language": config.language ?? "en-US",
    };
    if (config.region) headers["X-TC-Region"] = config.region;
    if (config.sessionToken) headers["X-TC-Token"] = config.sessionToken;
    // The signal stays attached while the body is read, so a trickling answer is bounded too.
    const res = await doFetch(target, { method: "POST", headers, body, signal, redirect: "error" });
    const text = await res.text();
    return interpretAnswer(res.status, text);
  }

  return {
    async mlidPassportOcr(params, callerSignal) {
      const caller = callerSignal ?? new AbortController().signal;
      const body = requestBody(params);
      // Retries send the same bytes: hash them once.
      const payloadHash = await sha256Hex(body);
      const deadline = now() + deadlineMs;
      let last: ClassifiedError | undefined;

      for (let attemptNo = 1; attemptNo <= 1 + maxRetries; attemptNo++) {
        if (caller.aborted) throw callerAborted(caller.reason);
        const remaining = deadline - now();
        if (remaining <= 0) break;
        let settle: (outcome: "ok" | "failed" | "cancelled") => void = () => {};
        try {
          settle = config.breaker?.enter() ?? settle;
          config.budget?.take();
        } catch (refusal) {
          // Refused before paying (circuit open, budget spent): a retry ends with the failure it was retrying.
          settle("cancelled");
          throw last ?? refusal;
        }
        const perAttempt = AbortSignal.timeout(Math.min(timeoutMs, remaining));
        const signal = AbortSignal.any([caller, perAttempt]);
        let outcome: TencentCallResult | ClassifiedError;
        try {
          outcome = await attempt(body, payloadHash, signal);
        } catch (cause) {
          if (caller.aborted) {
            settle("cancelled");
            throw callerAborted(caller.reason);
          }
          outcome = perAttempt.aborted ? transportError("timeout", { cause }) : transportError("network", { cause });
        }
        // An answer about the photo means the upstream works; failures and refusals of our account do not. Being told
        // to slow down is a working upstream too: Retry-After paces the callers, an open circuit would only add 30 s.
        settle(outcomeOf(outcome));
        if (!(outcome instanceof AppError)) return { ...outcome, attempts: attemptNo };
        last = outcome;
        if (!outcome.transient || attemptNo > maxRetries) break;

        const delay = backoffDelay(attemptNo, backoffBaseMs, random());
        if (deadline - now() <= delay) break;
        try {
          await abortableSleep(delay, caller);
        } catch (cause) {
          throw callerAborted(cause);
        }
      }
      throw last ?? transportError("timeout");
    },
  };
}

/** How an attempt counts for the circuit breaker. */
function outcomeOf(outcome: TencentCallResult | ClassifiedError): "ok" | "failed" {
  if (!(outcome instanceof AppError) || outcome.code === "upstream_rate_limited") return "ok";
  return outcome.transient || isOperatorOnly(outcome.code) ? "failed" : "ok";
}
