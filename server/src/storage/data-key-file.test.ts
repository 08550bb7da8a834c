import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KEY_FILE_NAME, loadMasterKey } from "./data-key-file";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "data-key-"));
  dirs.push(dir);
  return dir;
}

describe("loadMasterKey", () => {
  it("generates a 0600 key file on first start, says to back it up, and reads the same key afterwards", () => {
    const dataDir = tempDir();
    const logs: string[] = [];
    const first = loadMasterKey({ dataKey: undefined, dataDir, sharedDatabase: false, log: (m) => logs.push(m) });
    const file = join(dataDir, KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBe(32);
    expect(logs.join()).toMatch(/back it up/);
    const again = loadMasterKey({ dataKey: undefined, dataDir, sharedDatabase: false, log: () => {} });
    expect(again).toEqual(first);
    expect(readFileSync(file, "utf8").trim()).toBe(Buffer.from(first).toString("base64"));
  });

  it("prefers DATA_KEY and never writes a file then", () => {
    const dataDir = tempDir();
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(loadMasterKey({ dataKey: key, dataDir, sharedDatabase: true, log: () => {} })).toEqual(
      new Uint8Array(32).fill(7),
    );
    expect(() => statSync(join(dataDir, KEY_FILE_NAME))).toThrow();
  });

  it("refuses a shared database without DATA_KEY and a damaged key file", () => {
    const dataDir = tempDir();
    expect(() => loadMasterKey({ dataKey: undefined, dataDir, sharedDatabase: true, log: () => {} })).toThrow(
      /DATA_KEY/,
    );
    writeFileSync(join(dataDir, KEY_FILE_NAME), Buffer.from("short").toString("base64"), { mode: 0o600 });
    expect(() => loadMasterKey({ dataKey: undefined, dataDir, sharedDatabase: false, log: () => {} })).toThrow(
      /32 bytes/,
    );
  });
});
