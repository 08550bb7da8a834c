import { afterEach, describe, expect, it } from "vitest";
import { TEST_DATABASES } from "../../test/test-databases";
import type { Database } from "./database";
import { migrate } from "./migrate";
import { MIGRATIONS } from "./migrations";

describe.each(TEST_DATABASES)("migrations on $kind", { timeout: 60_000 }, ({ open }) => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it("records every migration once and applies nothing the second time", async () => {
    db = await open();
    const versions = await db.query<{ version: number }>("select version from schema_migrations order by version");
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it("applies a new migration in order and rolls back one that fails, leaving nothing half done", async () => {
    db = await open();
    const next = MIGRATIONS.length + 1;
    const applied = await migrate(db, [
      ...MIGRATIONS,
      { version: next, name: "a table", sql: "create table probe (id integer primary key)" },
    ]);
    expect(applied).toEqual([next]);
    await expect(
      migrate(db, [
        ...MIGRATIONS,
        {
          version: next + 1,
          name: "broken",
          sql: "create table half_done (id integer); select * from no_such_table",
        },
      ]),
    ).rejects.toThrow(/no_such_table/);
    const tables = await db.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_name in ('probe', 'half_done')",
    );
    expect(tables.map((t) => t.name)).toEqual(["probe"]);
    const versions = await db.query<{ version: number }>("select max(version)::int as version from schema_migrations");
    expect(versions[0]?.version).toBe(next);
  });

  it("round-trips bytea, jsonb and timestamptz the same way on both databases", async () => {
    db = await open();
    await db.query("create table kinds (b bytea, j jsonb, t timestamptz)");
    const at = new Date("2026-12-06T01:02:03.456Z");
    await db.query("insert into kinds values ($1, $2, $3)", [new Uint8Array([0, 255, 7]), { a: [1, "x"] }, at]);
    const [row] = await db.query<{ b: Uint8Array; j: unknown; t: Date }>("select * from kinds");
    expect(row?.b).toBeInstanceOf(Uint8Array);
    expect([...(row?.b ?? [])]).toEqual([0, 255, 7]);
    expect(row?.j).toEqual({ a: [1, "x"] });
    expect(row?.t.toISOString()).toBe(at.toISOString());
  });

  it("rolls a transaction back when its work throws", async () => {
    db = await open();
    await db.query("create table tx_probe (id integer)");
    await expect(
      db.transaction(async (tx) => {
        await tx.query("insert into tx_probe values (1)");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.query("select * from tx_probe")).toEqual([]);
  });
});
