import { AppError } from "../errors";

export interface ReadBodyOptions {
  /** A declared Content-Length above this is refused unread; a streamed body is refused at this many bytes. */
  maxBytes: number;
  /** The whole body must have arrived within this many milliseconds (a trickling client is cut off: 408). */
  timeoutMs: number;
}

/**
 * Reads a request body into memory, bounded in size and in time. The reader is left alone on failure rather than
 * cancelled, so the runtime can still send our answer (413, 408) before it closes the connection.
 */
export async function readBody(request: Request, options: ReadBodyOptions): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  const length = declared !== null && /^\d+$/.test(declared) ? Number(declared) : null;
  if (length !== null && length > options.maxBytes) throw new AppError("payload_too_large");
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("request_timeout")), options.timeoutMs);
    onAbort = () => reject(new AppError("request_aborted", { message: "The upload was cancelled." }));
    if (request.signal.aborted) onAbort();
    request.signal.addEventListener("abort", onAbort, { once: true });
  });
  stop.catch(() => {});
  // With a declared length the bytes land in one buffer; without one, chunks are joined at the end.
  let buffer = new Uint8Array(length ?? 0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stop]);
      if (done) break;
      total += value.length;
      if (total > options.maxBytes) throw new AppError("payload_too_large");
      if (length !== null && total <= length) buffer.set(value, total - value.length);
      else chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener("abort", onAbort);
  }
  if (length !== null && total === length) return buffer;
  if (length !== null) {
    // Fewer or more bytes than declared: the runtime normally refuses this; keep what arrived.
    chunks.unshift(buffer.subarray(0, Math.min(total, length)));
  }
  buffer = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    buffer.set(chunk, at);
    at += chunk.length;
  }
  return buffer;
}
