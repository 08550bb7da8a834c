/** A non-OK answer from our API, carrying the server's error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retake: boolean;
  /** From the Retry-After header (429, 503), in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, retake = false, retryAfterSeconds?: number) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retake = retake;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Turns a fetch Response into its JSON body or one ApiError. */
export async function unwrap<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = (body as { error?: { code?: unknown; message?: unknown; retake?: unknown } } | null)?.error;
  throw new ApiError(
    response.status,
    typeof error?.code === "string" ? error.code : `http_${response.status}`,
    typeof error?.message === "string" ? error.message : response.statusText || "Request failed",
    error?.retake === true,
    parseRetryAfter(response.headers.get("Retry-After"), Date.now()),
  );
}

/** Retry-After as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
