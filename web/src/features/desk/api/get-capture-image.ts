import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, unwrap } from "../../../lib/api-error";

/** GET /api/desk/sessions/:id/captures/:captureId/image: the photo of one read (kept in memory only). */
export async function getCaptureImage(sessionId: string, captureId: string, signal?: AbortSignal): Promise<Blob> {
  const path = `/api/desk/sessions/${encodeURIComponent(sessionId)}/captures/${encodeURIComponent(captureId)}/image`;
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", cache: "no-store", ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "network_error", "The request did not reach the server.");
  }
  if (!response.ok) await unwrap(response);
  return response.blob();
}

export const captureImageQuery = (sessionId: string, captureId: string) =>
  queryOptions({
    queryKey: ["desk", "image", sessionId, captureId],
    queryFn: ({ signal }) => getCaptureImage(sessionId, captureId, signal),
    // A capture's photo never changes.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });

export function useCaptureImage(sessionId: string, captureId: string | null) {
  return useQuery({ ...captureImageQuery(sessionId, captureId ?? ""), enabled: captureId !== null });
}
