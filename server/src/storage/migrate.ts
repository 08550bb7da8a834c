import type { Database } from "./database";
import { MIGRATIONS, type Migration } from "./migrations";

/** Fixed key of the advisory lock that serialises migrations across instances starting at once. */
const MIGRATION_LOCK = 72_917_001;

/**
 * Brings the schema up to date: applies, in order and each in its own transaction, every migration not yet recorded
 * in `schema_migrations`. Idempotent; safe when several instances start together (an advisory lock serialises them,
 * and each re-reads what is applied after taking it). Returns the versions it applied.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.query(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const rows = await tx.query("select 1 from schema_migrations where version = $1", [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
