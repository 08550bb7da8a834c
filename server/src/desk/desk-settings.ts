import type { DeskSettings } from "contract/desk";
import type { Queryable } from "../storage/database";

const DEFAULTS: DeskSettings = { requireSecondReviewer: false };

export async function readDeskSettings(db: Queryable): Promise<DeskSettings> {
  const rows = await db.query<{ key: string; value: unknown }>("select key, value from desk_settings");
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    requireSecondReviewer:
      typeof stored.requireSecondReviewer === "boolean" ? stored.requireSecondReviewer : DEFAULTS.requireSecondReviewer,
  };
}

export async function writeDeskSettings(db: Queryable, settings: DeskSettings, by: string, at: Date): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await db.query(
      `insert into desk_settings (key, value, updated_at, updated_by) values ($1, $2, $3, $4)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
      [key, JSON.stringify(value), at, by],
    );
  }
}
