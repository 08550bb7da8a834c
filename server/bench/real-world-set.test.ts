import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRealWorldSet, mainCheckoutOf, mediaTypeOf, realWorldSetDir } from "./real-world-set";

function fakeLayout() {
  const top = mkdtempSync(join(tmpdir(), "real-set-"));
  const main = join(top, "main");
  const worktree = join(top, "wt", "branch");
  mkdirSync(join(main, ".git", "worktrees", "branch"), { recursive: true });
  mkdirSync(worktree, { recursive: true });
  writeFileSync(join(worktree, ".git"), `gitdir: ${join(main, ".git", "worktrees", "branch")}\n`);
  const set = join(top, "shared", "real-mrz");
  mkdirSync(set, { recursive: true });
  writeFileSync(
    join(set, "truth.json"),
    JSON.stringify({
      "02-b.png": { lines: ["L1", "L2"], format: "TD1", printed_checks_valid: false, condition: "scan" },
      "01-a.jpg": { lines: ["P<UTO", "L898"], format: "TD3", printed_checks_valid: true, condition: "photo" },
    }),
  );
  return { top, main, worktree, set };
}

describe("real-world set", () => {
  it("finds the set beside the main checkout of a linked worktree", () => {
    const { main, worktree, set } = fakeLayout();
    expect(mainCheckoutOf(worktree)).toBe(main);
    expect(mainCheckoutOf(main)).toBeNull();
    expect(realWorldSetDir(worktree, {})).toBe(set);
    expect(realWorldSetDir(main, {})).toBe(set);
  });

  it("takes REAL_MRZ_DIR over the default and reports an absent set as null", () => {
    const { worktree, set } = fakeLayout();
    expect(realWorldSetDir(worktree, { REAL_MRZ_DIR: set })).toBe(set);
    expect(realWorldSetDir(worktree, { REAL_MRZ_DIR: join(set, "missing") })).toBeNull();
    expect(realWorldSetDir(mkdtempSync(join(tmpdir(), "no-set-")), {})).toBeNull();
  });

  it("loads the truth in file order", () => {
    const docs = loadRealWorldSet(fakeLayout().set);
    expect(docs.map((d) => [d.file, d.format, d.lines, d.printedChecksValid])).toEqual([
      ["01-a.jpg", "TD3", ["P<UTO", "L898"], true],
      ["02-b.png", "TD1", ["L1", "L2"], false],
    ]);
    expect(docs.map((d) => mediaTypeOf(d.file))).toEqual(["image/jpeg", "image/png"]);
  });

  const dir = realWorldSetDir();
  it.skipIf(!dir)("the shared set, where present, holds 40 documents, 26 of them TD3", () => {
    const docs = loadRealWorldSet(dir!);
    expect(docs).toHaveLength(40);
    expect(docs.filter((d) => d.format === "TD3")).toHaveLength(26);
    for (const d of docs) expect(d.lines.every((l) => /^[A-Z0-9<]+$/.test(l))).toBe(true);
  });
});
