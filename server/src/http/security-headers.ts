import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/**
 * The web app's Content Security Policy: everything from our own origin, nothing inline, no eval.
 * 'wasm-unsafe-eval' allows compiling WebAssembly (the lazily loaded HEIC decoder) and nothing else;
 * blob: workers and images are the app's own (compression worker, previews); mediastream: is the camera.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  mediaSrc: ["'self'", "blob:", "mediastream:"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", "blob:"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Secure headers for every response; the CSP is what makes the HTML safe, and it costs nothing on JSON. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    permissionsPolicy: { camera: ["self"], microphone: [], geolocation: [] },
  });
}
