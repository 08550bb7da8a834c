// `pnpm admin ...`: the operator's commands, against the same DATA_DIR / DATABASE_URL as the server.
import { resolve } from "node:path";
import { argon2PasswordHasher } from "../desk/argon2-password-hasher";
import { parseEnv } from "../env";
import { openStorage } from "../storage/open-storage";
import { ADMIN_USAGE, runAdminCommand } from "./admin-commands";
import { adminSocketPath, sendAdminCommand } from "./admin-socket";

const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === "--help" || argv[0] === "help") {
  console.log(ADMIN_USAGE);
  process.exit(argv.length === 0 ? 1 : 0);
}
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`Invalid configuration:\n${parsed.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
const env = parsed.env;

// The embedded database is held by a running server: ask it. Otherwise open the database here.
const viaServer = env.DATABASE_URL ? null : await sendAdminCommand(adminSocketPath(resolve(env.DATA_DIR)), argv);
const outcome =
  viaServer ??
  (await (async () => {
    const storage = await openStorage(env, (m) => console.error(m));
    try {
      return await runAdminCommand(argv, {
        db: storage.db,
        keys: storage.keys,
        hasher: argon2PasswordHasher,
        now: () => new Date(),
      });
    } finally {
      await storage.close();
    }
  })());
(outcome.exitCode === 0 ? console.log : console.error)(outcome.output);
process.exit(outcome.exitCode);
