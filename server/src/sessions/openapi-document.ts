import type { OpenAPIHono } from "@hono/zod-openapi";

/** The OpenAPI 3.1 document of the integrator API, generated from the zod schemas that validate its requests. */
export function openApiDocument(v1: Pick<OpenAPIHono, "getOpenAPI31Document">) {
  return v1.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Passport KYC API",
      version: "1",
      description:
        "Create a verification session for a customer, send them its link, and receive the result by webhook " +
        "(Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature) and by GET. Personal data is erased " +
        "after the retention period or on DELETE.",
    },
    servers: [{ url: "/api/v1" }],
  });
}
