import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export class DataDirBusy extends Error {
  override readonly name = "DataDirBusy";
}

const LOCK_NAME = "db.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes DATA_DIR's lock for this process (PGlite's files must never be opened by two processes at once); a lock left
 * by a process that is gone is taken over. Returns the release function.
 */
export function holdDataDirLock(dataDir: string): () => void {
  const file = join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o600 });
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8"));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new DataDirBusy(
          `the embedded database in ${dataDir} is in use by process ${owner} (a running server?); stop it first, or use DATABASE_URL`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirBusy(`could not take the lock ${file}`);
}
