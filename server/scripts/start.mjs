// `pnpm start`: build whatever is missing (web app, server bundle), then serve both on PORT (default 8787).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const steps = [
  { output: "web/dist/index.html", filter: "web" },
  { output: "server/dist/index.js", filter: "server" },
];
for (const step of steps) {
  if (existsSync(`${root}/${step.output}`)) continue;
  console.log(`building ${step.filter} (${step.output} missing)`);
  const built = spawnSync("pnpm", ["--filter", step.filter, "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const server = spawnSync(process.execPath, ["--enable-source-maps", "server/dist/index.js"], {
  cwd: root,
  stdio: "inherit",
});
process.exit(server.status ?? 1);
