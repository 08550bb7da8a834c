import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirBusy, holdDataDirLock } from "./data-dir-lock";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("holdDataDirLock", () => {
  it("keeps a second holder out while held, and lets it in once released", () => {
    dir = mkdtempSync(join(tmpdir(), "lock-"));
    const release = holdDataDirLock(dir);
    expect(readFileSync(join(dir, "db.lock"), "utf8")).toBe(String(process.pid));
    // Another live process holds it: pid 1 always exists.
    release();
    writeFileSync(join(dir, "db.lock"), "1");
    expect(() => holdDataDirLock(dir)).toThrow(DataDirBusy);
    expect(() => holdDataDirLock(dir)).toThrow(/in use by process 1/);
  });

  it("takes over a lock whose process is gone", () => {
    dir = mkdtempSync(join(tmpdir(), "lock-"));
    writeFileSync(join(dir, "db.lock"), "999999999");
    const release = holdDataDirLock(dir);
    expect(readFileSync(join(dir, "db.lock"), "utf8")).toBe(String(process.pid));
    release();
  });
});
