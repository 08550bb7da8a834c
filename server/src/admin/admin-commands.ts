import { parseArgs } from "node:util";
import { ApiKeyNameTaken, createApiKey, listApiKeys, revokeApiKey } from "../api-keys/api-key-store";
import type { DataKeys } from "../storage/data-key";
import type { Database } from "../storage/database";

export interface AdminContext {
  db: Database;
  keys: DataKeys;
  now: () => Date;
}

export interface AdminOutcome {
  exitCode: number;
  output: string;
}

export const ADMIN_USAGE = `usage: pnpm admin <command>
  api-key create NAME [--webhook-url URL]   new API key (printed once) and its webhook signing secret
  api-key revoke NAME                       the key stops working at once
  api-key list                              names, hints and states (never the keys)`;

const fail = (output: string): AdminOutcome => ({ exitCode: 1, output });

/** The operator's commands. The same code runs in `pnpm admin` and, over the admin socket, inside the server. */
export async function runAdminCommand(argv: readonly string[], ctx: AdminContext): Promise<AdminOutcome> {
  const [group, action, ...rest] = argv;
  if (group === "api-key") return apiKeyCommand(action, rest, ctx);
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
