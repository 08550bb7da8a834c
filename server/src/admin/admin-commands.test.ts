import { describe, expect, it } from "vitest";
import { emptyTables, TEST_DATABASES } from "../../test/test-databases";
import { useTestDatabase } from "../../test/use-test-database";
import { authenticateApiKey, webhookSecretOf } from "../api-keys/api-key-store";
import { agentRowByEmail } from "../desk/agent-store";
import { argon2PasswordHasher } from "../desk/argon2-password-hasher";
import { deriveDataKeys } from "../storage/data-key";
import { runAdminCommand } from "./admin-commands";

describe.each(TEST_DATABASES)("pnpm admin on $kind", (database) => {
  const store = useTestDatabase(database);

  it("creates a key shown once, stores only its hash, and revokes it", async () => {
    await emptyTables(store.db);
    const keys = await deriveDataKeys(new Uint8Array(32).fill(1));
    const ctx = { db: store.db, keys, hasher: argon2PasswordHasher, now: () => new Date() };
    const created = await runAdminCommand(["api-key", "create", "acme", "--webhook-url", "https://acme.test/h"], ctx);
    expect(created.exitCode).toBe(0);
    const key = /api key:\s+(pk_\S+)/.exec(created.output)?.[1];
    const secret = /webhook secret:\s+(whsec_\S+)/.exec(created.output)?.[1];
    expect(key).toMatch(/^pk_[\w-]{43}$/);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = JSON.stringify(await store.db.query("select * from api_keys"));
    expect(stored).not.toContain(key!.slice(3));
    expect(stored).not.toContain(secret!.slice(6));
    const found = await authenticateApiKey(store.db, key!);
    expect(found?.name).toBe("acme");
    expect(await webhookSecretOf(store.db, keys, found!.id)).toBe(secret);

    expect((await runAdminCommand(["api-key", "create", "acme"], ctx)).output).toMatch(/exists already/);
    const list = await runAdminCommand(["api-key", "list"], ctx);
    expect(list.output).toMatch(/^acme\tpk_[\w-]{6}…\tactive\thttps:\/\/acme\.test\/h$/);
    expect(list.output).not.toContain(key);

    expect((await runAdminCommand(["api-key", "revoke", "acme"], ctx)).exitCode).toBe(0);
    expect(await authenticateApiKey(store.db, key!)).toBeNull();
    expect((await runAdminCommand(["api-key", "revoke", "acme"], ctx)).exitCode).toBe(1);
    expect((await runAdminCommand(["api-key", "list"], ctx)).output).toMatch(/revoked/);
  });

  it("refuses bad names, plain-http webhook URLs and unknown commands with usage", async () => {
    const ctx = {
      db: store.db,
      keys: await deriveDataKeys(new Uint8Array(32)),
      hasher: argon2PasswordHasher,
      now: () => new Date(),
    };
    expect((await runAdminCommand(["api-key", "create", "bad name!"], ctx)).exitCode).toBe(1);
    expect(
      (await runAdminCommand(["api-key", "create", "x", "--webhook-url", "http://example.com"], ctx)).output,
    ).toMatch(/https/);
    const unknown = await runAdminCommand(["frobnicate"], ctx);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.output).toMatch(/usage: pnpm admin/);
  });

  it("creates agents with a one-time password that must be changed, resets and disables them", async () => {
    await emptyTables(store.db);
    const ctx = {
      db: store.db,
      keys: await deriveDataKeys(new Uint8Array(32)),
      hasher: argon2PasswordHasher,
      now: () => new Date(),
    };
    const created = await runAdminCommand(["agent", "create", "Ana@Example.com", "--role", "supervisor"], ctx);
    expect(created.exitCode).toBe(0);
    const password = /one-time password: (\S+)/.exec(created.output)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{22}$/);
    const row = await agentRowByEmail(store.db, "ana@example.com");
    expect(row).toMatchObject({ email: "ana@example.com", role: "supervisor", must_change_password: true });
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await argon2PasswordHasher.verify(row!.password_hash, password!)).toBe(true);
    expect((await runAdminCommand(["agent", "create", "ana@example.com"], ctx)).output).toMatch(/exists already/);
    expect((await runAdminCommand(["agent", "create", "bo@example.com", "--role", "root"], ctx)).exitCode).toBe(1);

    const reset = await runAdminCommand(["agent", "reset-password", "ana@example.com"], ctx);
    const next = /: (\S+)$/.exec(reset.output)?.[1];
    expect(next).not.toBe(password);
    expect(
      await argon2PasswordHasher.verify((await agentRowByEmail(store.db, "ana@example.com"))!.password_hash, next!),
    ).toBe(true);
    expect((await runAdminCommand(["agent", "disable", "ana@example.com"], ctx)).exitCode).toBe(0);
    expect((await runAdminCommand(["agent", "list"], ctx)).output).toBe("ana@example.com\tsupervisor\tdisabled");
  });
});
