import { useMutation } from "@tanstack/react-query";
import { type PassportReadResponse, SESSION_TOKEN_HEADER } from "contract/session";
import { ApiError, unwrap } from "../../lib/api-error";
import { retryDelay, shouldRetry } from "./retry-policy";

export interface RecognizeInput {
  image: Blob;
  signal: AbortSignal;
  /** Upload progress 0..100 (XHR, since fetch has no upload progress). */
  onUploadProgress?: (percent: number) => void;
  portrait?: boolean;
  /** The customer's verification link token: the read is charged to and stored on that session. */
  sessionToken?: string | undefined;
}

/**
 * POST /api/passport as multipart `image`; resolves to the result (with the capture receipt when a session's token
 * was sent, in a header: never in the URL) or rejects with one ApiError.
 */
export function recognizePassport({
  image,
  signal,
  onUploadProgress,
  portrait,
  sessionToken,
}: RecognizeInput): Promise<PassportReadResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException("Cancelled", "AbortError"));
      return;
    }
    const form = new FormData();
    form.set("image", image, "passport.jpg");
    if (portrait) form.set("portrait", "true");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/passport");
    if (sessionToken) xhr.setRequestHeader(SESSION_TOKEN_HEADER, sessionToken);
    xhr.responseType = "text";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onUploadProgress?.(Math.round((event.loaded / event.total) * 100));
    });
    const onAbort = () => xhr.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    xhr.addEventListener("loadend", () => signal.removeEventListener("abort", onAbort));
    xhr.addEventListener("abort", () => reject(new DOMException("Cancelled", "AbortError")));
    xhr.addEventListener("error", () =>
      reject(new ApiError(0, "network_error", "The request did not reach the server.")),
    );
    xhr.addEventListener("timeout", () => reject(new ApiError(0, "network_error", "The request timed out.")));
    xhr.addEventListener("load", () => {
      const headers = new Headers();
      const retryAfter = xhr.getResponseHeader("Retry-After");
      if (retryAfter) headers.set("Retry-After", retryAfter);
      const body = xhr.status === 204 ? null : xhr.responseText;
      unwrap<PassportReadResponse>(
        new Response(body, { status: xhr.status, statusText: xhr.statusText, headers }),
      ).then(resolve, reject);
    });
    xhr.send(form);
  });
}

export function useRecognizePassport() {
  return useMutation<PassportReadResponse, unknown, RecognizeInput>({
    mutationFn: recognizePassport,
    retry: shouldRetry,
    retryDelay,
  });
}
