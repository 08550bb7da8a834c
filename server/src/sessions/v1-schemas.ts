import { z } from "@hono/zod-openapi";
import { LOCALES } from "contract/locales";
import { SESSION_STATUSES } from "contract/session";

/** The integrator API's request and response shapes: they validate requests and generate /api/openapi.json. */

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** https, or http to a loopback host (a receiver on the same machine while developing). */
const callbackUrl = (what: string) =>
  z
    .url({ protocol: /^https?$/, error: `${what} must be an absolute http(s) URL` })
    .max(2000)
    .refine((value) => {
      const url = new URL(value);
      return url.protocol === "https:" || LOOPBACK.test(url.hostname);
    }, `${what} must use https (plain http is allowed for loopback hosts only)`);

export const SessionStatusSchema = z.enum(SESSION_STATUSES).openapi("SessionStatus");

export const CreateSessionBody = z
  .strictObject({
    reference: z.string().trim().min(1).max(200).openapi({
      description: "Your own identifier for this verification (e.g. your customer or case id). Not unique.",
      example: "customer-4711",
    }),
    redirectUrl: callbackUrl("redirectUrl").optional().openapi({
      description: "Where the customer's browser goes after submitting, with ?session=<id>&status=submitted.",
    }),
    webhookUrl: callbackUrl("webhookUrl").optional().openapi({
      description: "Receives this session's webhooks; defaults to the API key's webhook URL.",
    }),
    locale: z.enum(LOCALES).optional().openapi({ description: "The customer's language (default en)." }),
    expiresInSeconds: z.int().min(60).max(604_800).optional().openapi({
      description: "How long the customer's link stays valid (default 86400: one day).",
    }),
  })
  .openapi("CreateSession");

export const CreatedSession = z
  .object({
    id: z.string().openapi({ example: "ses_M2u3Jd8xYq0bZl4nX1c9Vw" }),
    url: z.url().openapi({ description: "The customer's link; unguessable and single-use. Send it to the customer." }),
    expiresAt: z.iso.datetime(),
    status: z.literal("created"),
  })
  .openapi("CreatedSession");

const timestamp = z.iso.datetime().nullable();

export const SessionSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    status: SessionStatusSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    openedAt: timestamp,
    submittedAt: timestamp,
    decidedAt: timestamp,
    erasedAt: timestamp.openapi({ description: "Set once images and personal data were erased (tombstone)." }),
    readsUsed: z.int(),
    maxReads: z.int(),
    customerConfirmed: z.boolean().nullable(),
    result: z.record(z.string(), z.unknown()).nullable().optional().openapi({
      description:
        "The normalized result of the submitted photo, exactly as POST /api/passport returns it (portrait included when read). Present on GET of one session; null before submission and after erasure.",
    }),
  })
  .openapi("Session");

export const SessionList = z
  .object({
    data: z.array(SessionSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as ?cursor= for the next page; null at the end." }),
  })
  .openapi("SessionList");

export const ListQuery = z.strictObject({
  status: SessionStatusSchema.optional(),
  reference: z.string().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: "Page size, 1-100 (default 20)." }),
});

export const SessionIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, example: "ses_M2u3Jd8xYq0bZl4nX1c9Vw" }),
});

export const WebhookDelivery = z
  .object({
    id: z.string().openapi({ description: "The webhook-id header: the same on every retry of this event." }),
    type: z.enum(["session.submitted", "session.decided", "session.expired"]),
    url: z.string(),
    createdAt: z.iso.datetime(),
    deliveredAt: timestamp,
    failedAt: timestamp.openapi({ description: "Set when every retry failed (after about 27 hours)." }),
    nextAttemptAt: timestamp,
    attempts: z.array(
      z.object({
        attempt: z.int(),
        at: z.iso.datetime(),
        statusCode: z.int().nullable(),
        error: z.string().nullable(),
        durationMs: z.int(),
      }),
    ),
  })
  .openapi("WebhookDelivery");

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      retake: z.boolean(),
    }),
  })
  .openapi("Error");
