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

/** The API reference page (/api/docs): Swagger UI sets inline styles, and needs nothing else beyond our origin. */
const API_DOCS_POLICY = {
  ...CONTENT_SECURITY_POLICY,
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  mediaSrc: ["'none'"],
  workerSrc: ["'none'"],
};

const headers = (contentSecurityPolicy: typeof CONTENT_SECURITY_POLICY) =>
  secureHeaders({
    contentSecurityPolicy,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    permissionsPolicy: { camera: ["self"], microphone: [], geolocation: [] },
  });

/** Secure headers for every response; the CSP is what makes the HTML safe, and it costs nothing on JSON. */
export function securityHeaders(): MiddlewareHandler {
  const app = headers(CONTENT_SECURITY_POLICY);
  const docs = headers(API_DOCS_POLICY);
  return (c, next) =>
    c.req.path === "/api/docs" || c.req.path.startsWith("/api/docs/") ? docs(c, next) : app(c, next);
}
