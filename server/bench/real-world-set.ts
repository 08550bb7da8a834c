/**
 * The real-world MRZ test set: photos, scans and sample images of public specimen documents with hand-checked truth,
 * kept OUTSIDE the repository in `../shared/real-mrz/` (several licences forbid redistribution; see its README).
 * Evaluation only: never train on it, never tune to its photos. Benchmarks and tests skip it when it is absent.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";

export interface RealDocument {
  file: string;
  /** TD3, TD1, TD2, MRV-A or MRV-B, as truth.json spells it. */
  format: string;
  /** The MRZ lines exactly as printed. */
  lines: string[];
  /** False for the specimens printed with wrong check digits (or a national, non-ICAO layout). */
  printedChecksValid: boolean;
  condition: string;
}

const REPO_ROOT = resolve(import.meta.dirname, "..", "..");

/**
 * The main checkout's root when `root` is a linked git worktree (its `.git` is a file naming
 * `<main>/.git/worktrees/<name>`), else null.
 */
export function mainCheckoutOf(root: string): string | null {
  const dotGit = join(root, ".git");
  if (!existsSync(dotGit) || !statSync(dotGit).isFile()) return null;
  const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1]?.trim();
  if (!gitdir) return null;
  const worktreeGitDir = isAbsolute(gitdir) ? gitdir : resolve(root, gitdir);
  // <main>/.git/worktrees/<name> -> <main>
  return dirname(dirname(dirname(worktreeGitDir)));
}

/**
 * Where the set lies: REAL_MRZ_DIR when set, else `../shared/real-mrz` beside the repository (for a linked worktree,
 * beside its main checkout too). Null when none holds a truth.json.
 */
export function realWorldSetDir(root = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): string | null {
  const main = mainCheckoutOf(root);
  const candidates = env.REAL_MRZ_DIR
    ? [resolve(env.REAL_MRZ_DIR)]
    : [root, ...(main ? [main] : [])].map((r) => resolve(r, "..", "shared", "real-mrz"));
  return candidates.find((d) => existsSync(join(d, "truth.json"))) ?? null;
}

interface TruthEntry {
  lines: string[];
  format: string;
  printed_checks_valid: boolean;
  condition: string;
}

/** The set's documents in file order, from its truth.json. */
export function loadRealWorldSet(dir: string): RealDocument[] {
  const truth = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Record<string, TruthEntry>;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, t]) => ({
      file,
      format: t.format,
      lines: t.lines,
      printedChecksValid: t.printed_checks_valid,
      condition: t.condition,
    }));
}

/** The request media type of a set file. */
export function mediaTypeOf(file: string): "image/png" | "image/jpeg" {
  return file.toLowerCase().endsWith(".png") ? "image/png" : "image/jpeg";
}
