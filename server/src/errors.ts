import { ERROR_CATALOGUE, type ErrorCode, type ErrorStatus } from "contract/error-catalogue";

/**
 * The one error type of the server. Every failure reaches the client as
 * `{ error: { code, message, retake } }` with an explicit HTTP status (see app.ts onError).
 */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** True when taking the photo again is the way forward for the person. */
    retake: boolean;
    /** Tencent's RequestId when the error came from upstream. */
    upstreamRequestId?: string;
  };
}

export interface AppErrorOptions {
  /** Replaces the catalogue's message when it names specifics (sizes, fields, a wait); the code stays the key. */
  message?: string;
  retryAfterSeconds?: number;
  upstreamRequestId?: string;
  cause?: unknown;
}

/** A catalogued error: its status and retake flag come from the catalogue, so they cannot disagree with it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ErrorStatus;
  readonly retake: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly upstreamRequestId: string | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    const entry = ERROR_CATALOGUE[code];
    super(options.message ?? entry.message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = entry.status;
    this.retake = entry.retake;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.upstreamRequestId = options.upstreamRequestId;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        retake: this.retake,
        ...(this.upstreamRequestId ? { upstreamRequestId: this.upstreamRequestId } : {}),
      },
    };
  }
}
