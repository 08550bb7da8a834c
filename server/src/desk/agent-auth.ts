import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordProblem,
  passwordProblem,
} from "contract/agent-password";
import { AppError } from "../errors";
import type { Database } from "../storage/database";
import { newSecret, secretHash } from "../storage/random-id";
import { type Agent, type AgentRow, agentRowByEmail, normaliseEmail, setAgentPassword, toAgent } from "./agent-store";
import type { PasswordHasher } from "./password-hasher";

export interface AgentAuthOptions {
  db: Database;
  hasher: PasswordHasher;
  clock?: () => Date;
  /** Wrong passwords in a row before an account locks, and for how long. */
  accountLockAfter?: number;
  accountLockMs?: number;
  /** Failed sign-ins from one address within the window before that address is refused. */
  addressMaxFailures?: number;
  addressWindowMs?: number;
  /** A signed-in session ends this long after sign-in, or after this long without a request. */
  absoluteTtlMs?: number;
  idleTtlMs?: number;
}

export interface SignedIn {
  agent: Agent;
  /** The cookie value: shown to the browser only, stored as its hash. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface AgentSession {
  agent: Agent;
  csrfToken: string;
  tokenHash: Uint8Array;
}

const MINUTE = 60_000;

/** The server's words (English) for a refused password; the desk's form words the same problems per locale. */
const PASSWORD_PROBLEM_MESSAGE: Record<PasswordProblem, string> = {
  "too-short": `use at least ${MIN_PASSWORD_LENGTH} characters`,
  "too-long": `use at most ${MAX_PASSWORD_LENGTH} characters`,
  "contains-email": "do not use your email address in the password",
  reused: "choose a password you have not used",
  "too-few-characters": "use more different characters",
};

/**
 * Agents' sign-in: Argon2id passwords, sessions held in the database (an opaque cookie, its hash stored), a CSRF
 * token per session, and limits on wrong passwords per account (lock) and per address (refuse), which hold across
 * instances because they live in the database.
 */
export function createAgentAuth(options: AgentAuthOptions) {
  const {
    db,
    hasher,
    clock = () => new Date(),
    accountLockAfter = 5,
    accountLockMs = 15 * MINUTE,
    addressMaxFailures = 20,
    addressWindowMs = 15 * MINUTE,
    absoluteTtlMs = 12 * 60 * MINUTE,
    idleTtlMs = 60 * MINUTE,
  } = options;
  // Verifying against a real hash when the email is unknown keeps the answer's timing from telling who has an account.
  const decoyHash = hasher.hash(newSecret(128));

  async function recordFailure(addressKey: string, row: AgentRow | null, now: Date) {
    await db.query("insert into sign_in_failures (address_key, at) values ($1, $2)", [addressKey, now]);
    if (!row) return;
    const failures = row.failed_sign_ins + 1;
    const lock = failures >= accountLockAfter ? new Date(now.getTime() + accountLockMs) : null;
    await db.query("update agents set failed_sign_ins = $2, locked_until = coalesce($3, locked_until) where id = $1", [
      row.id,
      lock ? 0 : failures,
      lock,
    ]);
  }

  async function startSession(agent: Agent, now: Date): Promise<SignedIn> {
    const sessionToken = newSecret(256);
    const csrfToken = newSecret(128);
    const expiresAt = new Date(now.getTime() + absoluteTtlMs);
    await db.query(
      `insert into agent_sessions (id_hash, agent_id, csrf_token, created_at, last_seen_at, expires_at)
       values ($1, $2, $3, $4, $4, $5)`,
      [await secretHash(sessionToken), agent.id, csrfToken, now, expiresAt],
    );
    return { agent, sessionToken, csrfToken, expiresAt };
  }

  return {
    async signIn(input: { email: string; password: string; addressKey: string }): Promise<SignedIn> {
      const now = clock();
      const since = new Date(now.getTime() - addressWindowMs);
      const [recent] = await db.query<{ n: number }>(
        "select count(*)::int as n from sign_in_failures where address_key = $1 and at > $2",
        [input.addressKey, since],
      );
      if ((recent?.n ?? 0) >= addressMaxFailures) {
        throw new AppError("sign_in_rate_limited", { retryAfterSeconds: Math.ceil(addressWindowMs / 1000) });
      }
      const row = await agentRowByEmail(db, input.email);
      if (row?.locked_until && row.locked_until > now) {
        await db.query("insert into sign_in_failures (address_key, at) values ($1, $2)", [input.addressKey, now]);
        throw new AppError("sign_in_locked", {
          retryAfterSeconds: Math.ceil((row.locked_until.getTime() - now.getTime()) / 1000),
        });
      }
      const ok = await hasher.verify(row?.password_hash ?? (await decoyHash), input.password);
      if (!row || !ok || row.disabled_at) {
        await recordFailure(input.addressKey, row, now);
        throw new AppError("sign_in_failed");
      }
      await db.query("update agents set failed_sign_ins = 0, locked_until = null where id = $1", [row.id]);
      return startSession(toAgent(row), now);
    },

    /** The signed-in agent behind a cookie, sliding its idle expiry; null when signed out, expired or disabled. */
    async authenticate(sessionToken: string | undefined): Promise<AgentSession | null> {
      if (!sessionToken || sessionToken.length > 100) return null;
      const now = clock();
      const tokenHash = await secretHash(sessionToken);
      const rows = await db.query<AgentRow & { csrf_token: string }>(
        `update agent_sessions s set last_seen_at = $2
         from agents a
         where s.id_hash = $1 and a.id = s.agent_id and s.revoked_at is null and s.expires_at > $2
           and s.last_seen_at > $3 and a.disabled_at is null
         returning a.*, s.csrf_token`,
        [tokenHash, now, new Date(now.getTime() - idleTtlMs)],
      );
      const row = rows[0];
      return row ? { agent: toAgent(row), csrfToken: row.csrf_token, tokenHash } : null;
    },

    async signOut(session: AgentSession): Promise<void> {
      await db.query("update agent_sessions set revoked_at = $2 where id_hash = $1", [session.tokenHash, clock()]);
    },

    /** Changes the signed-in agent's password; every other session of theirs ends, this one continues. */
    async changePassword(session: AgentSession, current: string, next: string): Promise<void> {
      const row = await agentRowByEmail(db, session.agent.email);
      if (!row || !(await hasher.verify(row.password_hash, current))) throw new AppError("sign_in_failed");
      const problem = passwordProblem(next, { email: row.email, previous: current });
      if (problem)
        throw new AppError("password_rejected", {
          message: `The new password is not acceptable: ${PASSWORD_PROBLEM_MESSAGE[problem]}.`,
        });
      await setAgentPassword(db, row.id, await hasher.hash(next), false);
      await db.query(
        "update agent_sessions set revoked_at = $3 where agent_id = $1 and id_hash <> $2 and revoked_at is null",
        [row.id, session.tokenHash, clock()],
      );
    },

    /** Forgets failures older than the address window (called by the housekeeping). */
    async pruneFailures(): Promise<void> {
      await db.query("delete from sign_in_failures where at < $1", [new Date(clock().getTime() - addressWindowMs)]);
      await db.query("delete from agent_sessions where expires_at < $1 or revoked_at is not null", [clock()]);
    },

    normaliseEmail,
  };
}

export type AgentAuth = ReturnType<typeof createAgentAuth>;
