// `pnpm admin ...`: builds the server bundle when missing, then runs the admin command line against the same
// DATA_DIR / DATABASE_URL as the server (through the running server's admin socket when it holds the embedded database).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
if (!existsSync(`${root}/server/dist/admin.js`)) {
  const built = spawnSync("pnpm", ["--filter", "server", "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const run = spawnSync(process.execPath, ["server/dist/admin.js", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
process.exit(run.status ?? 1);
