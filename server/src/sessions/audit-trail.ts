import type { AuditAction, AuditActor, AuditEvent } from "contract/desk";
import { type DataKeys, openJson, sealJson } from "../storage/data-key";
import type { Queryable } from "../storage/database";
import { newId } from "../storage/random-id";

const detailPlace = (id: string) => `audit.detail:${id}`;

export async function appendAudit(
  db: Queryable,
  keys: DataKeys,
  event: {
    sessionId: string;
    at: Date;
    actor: AuditActor;
    agentId?: string | undefined;
    action: AuditAction;
    detail?: Record<string, unknown> | undefined;
  },
): Promise<void> {
  const id = newId("evt");
  await db.query(
    `insert into audit_events (id, session_id, agent_id, actor, at, action, detail_sealed)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      event.sessionId,
      event.agentId ?? null,
      event.actor,
      event.at,
      event.action,
      event.detail ? await sealJson(keys, event.detail, detailPlace(id)) : null,
    ],
  );
}

/** A session's trail, oldest first; details of an erased session are gone (the events stay). */
export async function auditTrail(db: Queryable, keys: DataKeys, sessionId: string): Promise<AuditEvent[]> {
  const rows = await db.query<{
    id: string;
    at: Date;
    actor: AuditActor;
    agent_id: string | null;
    email: string | null;
    action: AuditAction;
    detail_sealed: Uint8Array | null;
  }>(
    `select e.id, e.at, e.actor, e.agent_id, a.email, e.action, e.detail_sealed
     from audit_events e left join agents a on a.id = e.agent_id
     where e.session_id = $1 order by e.seq`,
    [sessionId],
  );
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor,
      agent: row.agent_id ? { id: row.agent_id, email: row.email ?? "" } : null,
      action: row.action,
      detail: row.detail_sealed
        ? await openJson<Record<string, unknown>>(keys, row.detail_sealed, detailPlace(row.id))
        : null,
    })),
  );
}

/** The last time `agentId` did `action` on the session (to keep "viewed" from repeating on every refresh). */
export async function lastAuditAt(db: Queryable, sessionId: string, agentId: string, action: AuditAction) {
  const [row] = await db.query<{ at: Date }>(
    "select max(at) as at from audit_events where session_id = $1 and agent_id = $2 and action = $3",
    [sessionId, agentId, action],
  );
  return row?.at ?? null;
}
