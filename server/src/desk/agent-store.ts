import type { AgentRole } from "contract/desk";
import type { Queryable } from "../storage/database";
import { newId } from "../storage/random-id";

/** A desk agent (never with the password hash outside this module and agent-auth.ts). */
export interface Agent {
  id: string;
  email: string;
  role: AgentRole;
  mustChangePassword: boolean;
  createdAt: Date;
  disabledAt: Date | null;
}

export interface AgentRow {
  id: string;
  email: string;
  role: AgentRole;
  password_hash: string;
  must_change_password: boolean;
  failed_sign_ins: number;
  locked_until: Date | null;
  created_at: Date;
  disabled_at: Date | null;
}

export const toAgent = (row: AgentRow): Agent => ({
  id: row.id,
  email: row.email,
  role: row.role,
  mustChangePassword: row.must_change_password,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

/** Emails are compared case-insensitively: stored lower-case, trimmed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export class AgentExists extends Error {
  override readonly name = "AgentExists";
}

export async function insertAgent(
  db: Queryable,
  input: { email: string; role: AgentRole; passwordHash: string },
): Promise<Agent> {
  const email = normaliseEmail(input.email);
  const existing = await db.query("select 1 from agents where email = $1", [email]);
  if (existing.length > 0) throw new AgentExists(`an agent with the email ${email} exists already`);
  const [row] = await db.query<AgentRow>(
    `insert into agents (id, email, role, password_hash) values ($1, $2, $3, $4) returning *`,
    [newId("agt"), email, input.role, input.passwordHash],
  );
  return toAgent(row!);
}

export async function agentRowByEmail(db: Queryable, email: string): Promise<AgentRow | null> {
  const rows = await db.query<AgentRow>("select * from agents where email = $1", [normaliseEmail(email)]);
  return rows[0] ?? null;
}

export async function agentById(db: Queryable, id: string): Promise<Agent | null> {
  const rows = await db.query<AgentRow>("select * from agents where id = $1", [id]);
  return rows[0] ? toAgent(rows[0]) : null;
}

export async function listAgents(db: Queryable): Promise<Agent[]> {
  const rows = await db.query<AgentRow>("select * from agents order by email");
  return rows.map(toAgent);
}

/** Sets a new password hash; `temporary` passwords (made by an operator) must be changed at the next sign-in. */
export async function setAgentPassword(db: Queryable, id: string, passwordHash: string, temporary: boolean) {
  await db.query(
    `update agents set password_hash = $2, must_change_password = $3, failed_sign_ins = 0, locked_until = null
     where id = $1`,
    [id, passwordHash, temporary],
  );
}

export async function setAgentDisabled(db: Queryable, email: string, at: Date | null): Promise<boolean> {
  const rows = await db.query("update agents set disabled_at = $2 where email = $1 returning id", [
    normaliseEmail(email),
    at,
  ]);
  return rows.length > 0;
}
