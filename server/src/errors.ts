/**
 * The one error type of the server. Every failure reaches the client as
 * `{ error: { code, message, retake } }` with an explicit HTTP status (see app.ts onError).
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 408 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** True when taking the photo again is the way forward for the person. */
    retake: boolean;
    /** Tencent's RequestId when the error came from upstream. */
    upstreamRequestId?: string;
  };
}

export class AppError extends Error {
  readonly status: ErrorStatus;
  readonly code: string;
  readonly retake: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly upstreamRequestId: string | undefined;

  constructor(
    status: ErrorStatus,
    code: string,
    message: string,
    options: { retake?: boolean; retryAfterSeconds?: number; upstreamRequestId?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.retake = options.retake ?? false;
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
