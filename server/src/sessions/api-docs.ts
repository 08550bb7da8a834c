import { Hono, type MiddlewareHandler } from "hono";

/**
 * /api/docs: the integrator API's reference, rendered by Swagger UI from /api/openapi.json. Swagger UI's files come
 * from the swagger-ui-dist package, served by the runtime under /api/docs/assets (no CDN); its script sets inline
 * styles, so this page alone allows them (http/security-headers.ts).
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Passport KYC API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
  tryItOutEnabled: false, validatorUrl: null });`;

export function apiDocsRoutes(assets: MiddlewareHandler | undefined) {
  const app = new Hono()
    .get("/", (c) => c.html(PAGE))
    .get("/init.js", (c) => {
      c.header("Content-Type", "text/javascript; charset=utf-8");
      return c.body(INIT);
    });
  if (assets) app.get("/assets/*", assets);
  return app;
}
