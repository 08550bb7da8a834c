import { DECISION_OUTCOMES } from "contract/review/decision";
import { REVIEW_FIELDS } from "contract/review/review-fields";
import { SESSION_STATUSES } from "contract/session";
import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../errors";
import { invalidRequest, jsonBody } from "../http/json-body";
import type { SessionService } from "../sessions/session-service";
import { sessionById } from "../sessions/session-store";
import type { DataKeys } from "../storage/data-key";
import type { Queryable } from "../storage/database";
import { agentById, listAgents } from "./agent-store";
import { type DeskAuthDeps, type DeskEnv, deskAuthRoutes, requireAgent, requireRole } from "./desk-auth-routes";
import type { DeskService } from "./desk-service";
import { readDeskSettings, writeDeskSettings } from "./desk-settings";
import { readInbox } from "./inbox";

export interface DeskDeps extends DeskAuthDeps {
  db: Queryable;
  keys: DataKeys;
  desk: DeskService;
  sessions: SessionService;
  publicUrl?: string | undefined;
  maxReadsPerSession: number;
}

const InboxQuery = z.strictObject({
  status: z.enum(SESSION_STATUSES).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
const reason = z.string().trim().min(1, "a reason is required").max(2000);
const version = z.int().min(0);
const EditBody = z.strictObject({ field: z.enum(REVIEW_FIELDS), value: z.string().max(200), reason, version });
const AckBody = z.strictObject({ code: z.string().max(100), field: z.string().max(100).optional(), reason, version });
const DecisionBody = z.strictObject({ outcome: z.enum(DECISION_OUTCOMES), reason, version });
const AssignBody = z.strictObject({ agentId: z.string().max(100) });
const WalkInBody = z.strictObject({ reference: z.string().trim().min(1).max(200) });
const SettingsBody = z.strictObject({ requireSecondReviewer: z.boolean() });

function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(atob(cursor)) as unknown;
    if (Array.isArray(parsed) && parsed.length === 3) return cursor;
  } catch {
    // fall through
  }
  throw new AppError("invalid_request", { message: "cursor: not a cursor this API returned" });
}

/** /api/desk: the agents' back office. Every route but sign-in needs a signed-in agent (desk-auth-routes.ts). */
export function deskRoutes(deps: DeskDeps) {
  const supervisor = requireRole("supervisor");
  const app = new Hono<DeskEnv>().route("/", deskAuthRoutes(deps));
  app.use("/inbox", requireAgent(deps));
  app.use("/sessions", requireAgent(deps));
  app.use("/sessions/*", requireAgent(deps));
  app.use("/agents", requireAgent(deps));
  app.use("/settings", requireAgent(deps));
  const agentOf = (c: { get(key: "agentSession"): { agent: import("./agent-store").Agent } }) =>
    c.get("agentSession").agent;

  return app
    .get("/inbox", async (c) => {
      const parsed = InboxQuery.safeParse(c.req.query());
      if (!parsed.success) throw invalidRequest(parsed.error.issues);
      const q = parsed.data;
      return c.json(
        await readInbox(deps.db, deps.keys, {
          status: q.status,
          search: q.q,
          cursor: decodeCursor(q.cursor),
          limit: q.limit ?? 50,
        }),
        200,
      );
    })
    .post("/sessions", async (c) => {
      const body = await jsonBody(c.req.raw, WalkInBody);
      const { session, token } = await deps.sessions.create({
        apiKeyId: null,
        reference: body.reference,
        locale: "en",
        maxReads: deps.maxReadsPerSession,
        expiresInSeconds: 3600,
        createdByAgent: agentOf(c).id,
      });
      return c.json({ id: session.id, token }, 201);
    })
    .get("/sessions/:id", async (c) => c.json(await deps.desk.detail(c.req.param("id"), agentOf(c)), 200))
    .get("/sessions/:id/captures/:captureId/image", async (c) => {
      const image = await deps.desk.image(c.req.param("id"), c.req.param("captureId"));
      return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": image.mediaType });
    })
    .post("/sessions/:id/claim", async (c) => {
      await deps.desk.claim(c.req.param("id"), agentOf(c));
      return c.body(null, 204);
    })
    .post("/sessions/:id/release", async (c) => {
      await deps.desk.release(c.req.param("id"), agentOf(c));
      return c.body(null, 204);
    })
    .post("/sessions/:id/assign", supervisor, async (c) => {
      const body = await jsonBody(c.req.raw, AssignBody);
      const to = await agentById(deps.db, body.agentId);
      if (!to || to.disabledAt) throw new AppError("agent_not_found");
      await deps.desk.assign(c.req.param("id"), agentOf(c), to);
      return c.body(null, 204);
    })
    .post("/sessions/:id/edits", async (c) => {
      const body = await jsonBody(c.req.raw, EditBody);
      return c.json(await deps.desk.edit(c.req.param("id"), agentOf(c), body), 200);
    })
    .post("/sessions/:id/acknowledgements", async (c) => {
      const body = await jsonBody(c.req.raw, AckBody);
      return c.json(await deps.desk.acknowledge(c.req.param("id"), agentOf(c), body), 200);
    })
    .post("/sessions/:id/decision", async (c) => {
      const body = await jsonBody(c.req.raw, DecisionBody);
      return c.json(await deps.desk.decide(c.req.param("id"), agentOf(c), body), 200);
    })
    .get("/sessions/:id/export", async (c) => {
      const detail = await deps.desk.detail(c.req.param("id"), agentOf(c));
      await deps.desk.exported(detail.session.id, agentOf(c));
      c.header("Content-Disposition", `attachment; filename="${detail.session.id}.json"`);
      return c.json({ ...detail, exportedAt: new Date().toISOString() }, 200);
    })
    .delete("/sessions/:id", supervisor, async (c) => {
      const session = await sessionById(deps.db, c.req.param("id"));
      if (!session) throw new AppError("session_not_found");
      await deps.sessions.erase(session, { actor: "agent", agentId: agentOf(c).id });
      return c.body(null, 204);
    })
    .get("/agents", supervisor, async (c) => {
      const agents = await listAgents(deps.db);
      return c.json(
        agents.filter((a) => !a.disabledAt).map((a) => ({ id: a.id, email: a.email, role: a.role })),
        200,
      );
    })
    .get("/settings", async (c) => c.json(await readDeskSettings(deps.db), 200))
    .put("/settings", supervisor, async (c) => {
      const body = await jsonBody(c.req.raw, SettingsBody);
      await writeDeskSettings(deps.db, body, agentOf(c).id, new Date());
      return c.json(await readDeskSettings(deps.db), 200);
    });
}
