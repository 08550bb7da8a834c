import { parseArgs } from "node:util";
import { ApiKeyNameTaken, createApiKey, listApiKeys, revokeApiKey } from "../api-keys/api-key-store";
import {
  AgentExists,
  agentRowByEmail,
  insertAgent,
  listAgents,
  setAgentDisabled,
  setAgentPassword,
} from "../desk/agent-store";
import type { PasswordHasher } from "../desk/password-hasher";
import type { DataKeys } from "../storage/data-key";
import type { Database } from "../storage/database";
import { newSecret } from "../storage/random-id";

export interface AdminContext {
  db: Database;
  keys: DataKeys;
  hasher: PasswordHasher;
  now: () => Date;
}

export interface AdminOutcome {
  exitCode: number;
  output: string;
}

export const ADMIN_USAGE = `usage: pnpm admin <command>
  api-key create NAME [--webhook-url URL]   new API key (printed once) and its webhook signing secret
  api-key revoke NAME                       the key stops working at once
  api-key list                              names, hints and states (never the keys)
  agent create EMAIL [--role agent|supervisor]  new desk agent with a one-time password (changed at first sign-in)
  agent reset-password EMAIL                a new one-time password
  agent disable EMAIL | agent enable EMAIL  stop or allow the agent's sign-in (their sessions end at once)
  agent list                                emails, roles and states`;

const fail = (output: string): AdminOutcome => ({ exitCode: 1, output });

/** The operator's commands. The same code runs in `pnpm admin` and, over the admin socket, inside the server. */
export async function runAdminCommand(argv: readonly string[], ctx: AdminContext): Promise<AdminOutcome> {
  const [group, action, ...rest] = argv;
  if (group === "api-key") return apiKeyCommand(action, rest, ctx);
  if (group === "agent") return agentCommand(action, rest, ctx);
  return fail(ADMIN_USAGE);
}

async function apiKeyCommand(action: string | undefined, args: string[], ctx: AdminContext): Promise<AdminOutcome> {
  const { values, positionals } = parseArgs({
    args,
    options: { "webhook-url": { type: "string" } },
    allowPositionals: true,
    strict: false,
  });
  const name = positionals[0];
  if (action === "list") {
    const keys = await listApiKeys(ctx.db);
    const lines = keys.map(
      (k) =>
        `${k.name}\t${k.hint}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active"}\t${k.webhookUrl ?? "-"}`,
    );
    return { exitCode: 0, output: lines.length ? lines.join("\n") : "no API keys" };
  }
  if (!name || !/^[\w.-]{1,64}$/.test(name)) return fail("give the key a NAME of 1-64 letters, digits, . _ or -");
  if (action === "create") {
    const webhookUrl = typeof values["webhook-url"] === "string" ? values["webhook-url"] : undefined;
    if (webhookUrl !== undefined && !/^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(webhookUrl)) {
      return fail("--webhook-url must be https (http only for localhost)");
    }
    try {
      const created = await createApiKey(ctx.db, ctx.keys, { name, webhookUrl });
      return {
        exitCode: 0,
        output: [
          `API key "${created.name}" created. Shown once: store both in your secrets manager now.`,
          `api key:        ${created.key}`,
          `webhook secret: ${created.webhookSecret}`,
        ].join("\n"),
      };
    } catch (error) {
      if (error instanceof ApiKeyNameTaken) return fail(error.message);
      throw error;
    }
  }
  if (action === "revoke") {
    return (await revokeApiKey(ctx.db, name, ctx.now()))
      ? { exitCode: 0, output: `API key "${name}" revoked` }
      : fail(`no active API key named "${name}"`);
  }
  return fail(ADMIN_USAGE);
}

/** A one-time password: about 128 random bits in a form easy to type from a screen. */
function oneTimePassword(): string {
  return newSecret(128).replace(/[-_]/g, "x");
}

async function agentCommand(action: string | undefined, args: string[], ctx: AdminContext): Promise<AdminOutcome> {
  const { values, positionals } = parseArgs({
    args,
    options: { role: { type: "string" } },
    allowPositionals: true,
    strict: false,
  });
  if (action === "list") {
    const agents = await listAgents(ctx.db);
    const lines = agents.map(
      (a) =>
        `${a.email}\t${a.role}\t${a.disabledAt ? "disabled" : a.mustChangePassword ? "must change password" : "active"}`,
    );
    return { exitCode: 0, output: lines.length ? lines.join("\n") : "no agents" };
  }
  const email = positionals[0];
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) return fail("give the agent's EMAIL");
  if (action === "create") {
    const role = values.role ?? "agent";
    if (role !== "agent" && role !== "supervisor") return fail("--role is agent or supervisor");
    const password = oneTimePassword();
    try {
      const agent = await insertAgent(ctx.db, { email, role, passwordHash: await ctx.hasher.hash(password) });
      return {
        exitCode: 0,
        output: [
          `Agent ${agent.email} (${agent.role}) created.`,
          `one-time password: ${password}`,
          "Give it to the agent over a separate channel; they choose their own at the first sign-in.",
        ].join("\n"),
      };
    } catch (error) {
      if (error instanceof AgentExists) return fail(error.message);
      throw error;
    }
  }
  const row = await agentRowByEmail(ctx.db, email);
  if (!row) return fail(`no agent with the email ${email}`);
  if (action === "reset-password") {
    const password = oneTimePassword();
    await setAgentPassword(ctx.db, row.id, await ctx.hasher.hash(password), true);
    await ctx.db.query("update agent_sessions set revoked_at = $2 where agent_id = $1 and revoked_at is null", [
      row.id,
      ctx.now(),
    ]);
    return { exitCode: 0, output: `one-time password for ${row.email}: ${password}` };
  }
  if (action === "disable" || action === "enable") {
    await setAgentDisabled(ctx.db, email, action === "disable" ? ctx.now() : null);
    if (action === "disable") {
      await ctx.db.query("update agent_sessions set revoked_at = $2 where agent_id = $1 and revoked_at is null", [
        row.id,
        ctx.now(),
      ]);
    }
    return { exitCode: 0, output: `agent ${row.email} ${action}d` };
  }
  return fail(ADMIN_USAGE);
}
