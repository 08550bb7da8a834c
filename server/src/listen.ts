import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

export interface ListenOptions {
  fetch: Parameters<typeof serve>[0]["fetch"];
  port: number;
  hostname: string;
  /** A client must have sent its request's headers within this (Node answers 408 and closes). */
  headersTimeoutMs: number;
  /** A client must have sent its whole request within this: the backstop behind the app's own body deadline. */
  requestTimeoutMs: number;
}

/**
 * The Node HTTP server with deadlines a slow client cannot stretch: Node's defaults let a request's headers take 60 s
 * and its body 300 s, checked every 30 s. Keep-alive idle connections close after 5 s (Node's default).
 */
export function listen(options: ListenOptions, onListening: (info: AddressInfo) => void): Server {
  return serve(
    {
      fetch: options.fetch,
      port: options.port,
      hostname: options.hostname,
      serverOptions: {
        headersTimeout: options.headersTimeoutMs,
        requestTimeout: options.requestTimeoutMs,
        // How often Node checks the two deadlines above; its 30 s default would let a trickle outlive them.
        connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(options.headersTimeoutMs / 4))),
      },
    },
    onListening,
  ) as Server;
}
