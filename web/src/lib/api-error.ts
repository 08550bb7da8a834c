/** A non-OK answer from our API, carrying the server's error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retake: boolean;

  constructor(status: number, code: string, message: string, retake = false) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retake = retake;
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
  );
}
