import { describe, expect, it } from "vitest";
import { sessionApp } from "../../test/session-app";
import { TEST_DATABASES } from "../../test/test-databases";
import { useTestDatabase } from "../../test/use-test-database";
import { JPEG } from "../passport/tiny-images";
import { startSessionJobs } from "./session-jobs";
import { createSessionService } from "./session-service";

describe.each(TEST_DATABASES)("session housekeeping on $kind", (database) => {
  const store = useTestDatabase(database);

  it("erases images and personal data after the retention period and expires links that ran out", async () => {
    const t = await sessionApp(store.db);
    const create = async (reference: string, expiresInSeconds = 3600) => {
      const res = await t.app.request("http://kyc.test/api/v1/sessions", {
        method: "POST",
        headers: { authorization: `Bearer ${t.apiKey.key}`, "content-type": "application/json" },
        body: JSON.stringify({ reference, expiresInSeconds }),
      });
      const { id, url } = (await res.json()) as { id: string; url: string };
      const form = new FormData();
      form.set("image", new Blob([JPEG as BlobPart]), "p.jpg");
      await t.app.request("http://kyc.test/api/passport", {
        method: "POST",
        body: form,
        headers: { "X-Session-Token": new URL(url).pathname.split("/")[2]! },
      });
      return id;
    };
    const old = await create("old");
    t.clock.now = new Date(t.clock.now.getTime() + 31 * 86_400_000);
    const fresh = await create("fresh");
    const service = createSessionService({ db: store.db, keys: t.keys, clock: () => t.clock.now });
    const jobs = startSessionJobs({ sessions: service, retentionDays: 30, clock: () => t.clock.now });
    await jobs.runOnce();
    jobs.stop();
    const rows = await store.db.query<{ id: string; status: string; erased_at: Date | null; reference: string }>(
      "select id, status, erased_at, reference from sessions order by reference",
    );
    expect(rows.map((r) => [r.reference, r.status, r.erased_at !== null])).toEqual([
      ["fresh", "created", false],
      ["old", "expired", true],
    ]);
    const sealed = await store.db.query<{ session_id: string }>(
      "select session_id from captures where image_sealed is not null or result_sealed is not null",
    );
    expect(sealed.map((s) => s.session_id)).toEqual([fresh]);
    expect(rows.find((r) => r.id === old)?.reference).toBe("old");
  });
});
