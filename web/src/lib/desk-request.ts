import { CSRF_HEADER, type SignedInAgent } from "contract/desk";
import { ApiError, unwrap } from "./api-error";
import { queryClient } from "./query-client";

/** The signed-in agent's query (null when signed out): the desk's gate, and where the CSRF token is kept. */
export const SIGNED_IN_AGENT_KEY = ["desk", "me"] as const;

export interface DeskRequestInit {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/**
 * One call to /api/desk: the session cookie goes along (same origin), every state-changing call carries the CSRF
 * token, and a non-OK answer becomes one ApiError. An answer saying the agent is signed out (the session expired or
 * was ended elsewhere) clears the signed-in agent, which brings the sign-in screen back.
 */
export async function deskRequest<T>(path: string, init: DeskRequestInit = {}): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") {
    headers[CSRF_HEADER] = queryClient.getQueryData<SignedInAgent | null>(SIGNED_IN_AGENT_KEY)?.csrfToken ?? "";
  }
  if (init.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`/api/desk${path}`, {
      method,
      headers,
      credentials: "same-origin",
      cache: "no-store",
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, "network_error", "The request did not reach the server.");
  }
  if (response.status === 204) return undefined as T;
  try {
    return await unwrap<T>(response);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_signed_in" && !path.startsWith("/sign-in")) {
      queryClient.setQueryData(SIGNED_IN_AGENT_KEY, null);
    }
    throw error;
  }
}
