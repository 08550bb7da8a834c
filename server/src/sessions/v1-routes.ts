import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { type ApiKey, authenticateApiKey } from "../api-keys/api-key-store";
import { AppError } from "../errors";
import type { ClientVariables } from "../http/client-address";
import { invalidRequest } from "../http/json-body";
import { rateLimit } from "../http/rate-limit";
import type { DataKeys } from "../storage/data-key";
import type { Queryable } from "../storage/database";
import { deliveriesOf } from "../webhooks/delivery-log";
import { auditTrail } from "./audit-trail";
import { reviewOf } from "./review-store";
import type { SessionService } from "./session-service";
import { listSessions, type SessionRecord } from "./session-store";
import {
  CreatedSession,
  CreateSessionBody,
  ErrorSchema,
  ListQuery,
  SessionIdParam,
  SessionList,
  SessionSchema,
  WebhookDelivery,
} from "./v1-schemas";

export interface V1Deps {
  db: Queryable;
  keys: DataKeys;
  sessions: SessionService;
  /** The customer's link base (PUBLIC_URL); the request's own origin when unset. */
  publicUrl?: string | undefined;
  /** Reads allowed per session. */
  maxReadsPerSession: number;
  /** Requests per API key per window (API_RATE_LIMIT_MAX). */
  rateLimit: { max: number; windowMs: number };
}

type V1Env = { Variables: ClientVariables & { apiKey: ApiKey } };

const DEFAULT_EXPIRY_SECONDS = 86_400;

/** `Authorization: Bearer pk_...`: the active API key, or 401 with a WWW-Authenticate challenge. */
function requireApiKey(db: Queryable): MiddlewareHandler<V1Env> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match ? await authenticateApiKey(db, match[1]!) : null;
    if (!key) {
      c.header("WWW-Authenticate", 'Bearer realm="passport-kyc"');
      throw new AppError("unauthorized", {
        message: match
          ? "The API key is not valid or has been revoked."
          : "Send your API key as Authorization: Bearer pk_...",
      });
    }
    c.set("apiKey", key);
    await next();
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function sessionView(s: SessionRecord): z.infer<typeof SessionSchema> {
  return {
    id: s.id,
    reference: s.reference,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    openedAt: iso(s.openedAt),
    submittedAt: iso(s.submittedAt),
    decidedAt: iso(s.decidedAt),
    erasedAt: iso(s.erasedAt),
    readsUsed: s.readsUsed,
    maxReads: s.maxReads,
    customerConfirmed: s.customerConfirmed,
  };
}

const encodeCursor = (s: SessionRecord) => btoa(JSON.stringify([s.createdAt.toISOString(), s.id]));

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(atob(cursor)) as [string, string];
    const createdAt = new Date(at);
    if (typeof id !== "string" || Number.isNaN(createdAt.getTime())) throw new Error("bad cursor");
    return { createdAt, id };
  } catch {
    throw new AppError("invalid_request", { message: "cursor: not a cursor this API returned" });
  }
}

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [code, { description: "Error", content: { "application/json": { schema: ErrorSchema } } }]),
  );

const security = [{ apiKey: [] }];

const createSession = createRoute({
  method: "post",
  path: "/sessions",
  summary: "Create a verification session",
  description: "Creates a session and the link to send your customer. The link's token is shown only here.",
  security,
  request: { body: { required: true, content: { "application/json": { schema: CreateSessionBody } } } },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: CreatedSession } } },
    ...errors(400, 401),
  },
});

const getSession = createRoute({
  method: "get",
  path: "/sessions/{id}",
  summary: "Get a session, with its result once submitted",
  security,
  request: { params: SessionIdParam },
  responses: {
    200: { description: "The session", content: { "application/json": { schema: SessionSchema } } },
    ...errors(401, 404),
  },
});

const listSessionsRoute = createRoute({
  method: "get",
  path: "/sessions",
  summary: "List your sessions, newest first",
  security,
  request: { query: ListQuery },
  responses: {
    200: { description: "A page of sessions", content: { "application/json": { schema: SessionList } } },
    ...errors(400, 401),
  },
});

const deleteSession = createRoute({
  method: "delete",
  path: "/sessions/{id}",
  summary: "Erase a session's images and personal data now",
  description: "Keeps a tombstone (id, reference, status, timestamps). Repeating it is harmless.",
  security,
  request: { params: SessionIdParam },
  responses: { 204: { description: "Erased" }, ...errors(401, 404) },
});

const sessionImage = createRoute({
  method: "get",
  path: "/sessions/{id}/image",
  summary: "The submitted photo",
  security,
  request: { params: SessionIdParam },
  responses: {
    200: {
      description: "The image as the customer sent it",
      content: { "image/jpeg": { schema: { type: "string", format: "binary" } } },
    },
    ...errors(401, 404),
  },
});

const sessionWebhooks = createRoute({
  method: "get",
  path: "/sessions/{id}/webhooks",
  summary: "Webhook deliveries for a session, with every attempt",
  security,
  request: { params: SessionIdParam },
  responses: {
    200: {
      description: "Deliveries, oldest first",
      content: { "application/json": { schema: WebhookDelivery.array() } },
    },
    ...errors(401, 404),
  },
});

/** /api/v1: the integrator's API (key-based), described by the OpenAPI document at /api/openapi.json. */
export function v1Routes(deps: V1Deps) {
  const app = new OpenAPIHono<V1Env>({
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(result.error.issues);
    },
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key made with `pnpm admin api-key create NAME` (pk_...).",
  });
  const perKey = rateLimit({ ...deps.rateLimit, clientKey: (c) => `key:${(c as Context<V1Env>).get("apiKey").id}` });
  // "/sessions/*" matches "/sessions" too: one registration, so a request is authenticated and counted once.
  app.use("/sessions/*", requireApiKey(deps.db), perKey);

  return app
    .openapi(createSession, async (c) => {
      const body = c.req.valid("json");
      const { session, token } = await deps.sessions.create({
        apiKeyId: c.get("apiKey").id,
        reference: body.reference,
        redirectUrl: body.redirectUrl,
        webhookUrl: body.webhookUrl,
        locale: body.locale ?? "en",
        expiresInSeconds: body.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS,
        maxReads: deps.maxReadsPerSession,
      });
      const base = deps.publicUrl ?? c.get("requestOrigin");
      return c.json(
        {
          id: session.id,
          url: new URL(`/s/${token}`, base).href,
          expiresAt: session.expiresAt.toISOString(),
          status: "created" as const,
        },
        201,
      );
    })
    .openapi(listSessionsRoute, async (c) => {
      const query = c.req.valid("query");
      const limit = query.limit ?? 20;
      const rows = await listSessions(deps.db, {
        apiKeyId: c.get("apiKey").id,
        status: query.status,
        reference: query.reference,
        after: query.cursor ? decodeCursor(query.cursor) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return c.json(
        { data: page.map(sessionView), nextCursor: rows.length > limit && last ? encodeCursor(last) : null },
        200,
      );
    })
    .openapi(getSession, async (c) => {
      const session = await deps.sessions.ownedBy(c.get("apiKey").id, c.req.valid("param").id);
      const [result, review, audit] = await Promise.all([
        deps.sessions.submittedResult(session),
        reviewOf(deps.db, deps.keys, session.id),
        auditTrail(deps.db, deps.keys, session.id),
      ]);
      return c.json(
        {
          ...sessionView(session),
          result: result as Record<string, unknown> | null,
          decision: review.decision && {
            outcome: review.decision.outcome,
            reason: review.decision.reason,
            at: review.decision.at,
          },
          audit,
        },
        200,
      );
    })
    .openapi(deleteSession, async (c) => {
      const session = await deps.sessions.ownedBy(c.get("apiKey").id, c.req.valid("param").id);
      await deps.sessions.erase(session, { actor: "integrator" });
      return c.body(null, 204);
    })
    .openapi(sessionImage, async (c) => {
      const session = await deps.sessions.ownedBy(c.get("apiKey").id, c.req.valid("param").id);
      const image = await deps.sessions.submittedImage(session);
      if (!image) throw new AppError("image_not_found");
      return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": image.mediaType });
    })
    .openapi(sessionWebhooks, async (c) => {
      const session = await deps.sessions.ownedBy(c.get("apiKey").id, c.req.valid("param").id);
      const deliveries = await deliveriesOf(deps.db, session.id);
      return c.json(
        deliveries.map((d) => ({
          ...d,
          createdAt: d.createdAt.toISOString(),
          deliveredAt: iso(d.deliveredAt),
          failedAt: iso(d.failedAt),
          nextAttemptAt: iso(d.nextAttemptAt),
          attempts: d.attempts.map((a) => ({ ...a, at: a.at.toISOString() })),
        })),
        200,
      );
    });
}
