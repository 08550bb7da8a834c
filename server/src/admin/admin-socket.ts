import { chmodSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import { join } from "node:path";
import { type AdminContext, type AdminOutcome, runAdminCommand } from "./admin-commands";

/** The embedded database belongs to the server process; `pnpm admin` reaches it through this socket in DATA_DIR. */
export const adminSocketPath = (dataDir: string) => join(dataDir, "admin.sock");

/**
 * Serves admin commands on a Unix socket readable by the server's own user only (mode 0600): whoever can open it can
 * already read DATA_DIR, key file included. Returns the close function.
 */
export async function serveAdminSocket(path: string, ctx: AdminContext): Promise<() => Promise<void>> {
  rmSync(path, { force: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        let outcome: AdminOutcome;
        try {
          const { argv } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { argv: string[] };
          outcome = await runAdminCommand(argv, ctx);
        } catch (error) {
          outcome = { exitCode: 1, output: `failed: ${error instanceof Error ? error.message : String(error)}` };
        }
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(outcome));
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, resolve);
  });
  chmodSync(path, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(path, { force: true });
    });
}

/** Sends a command to a running server; null when no server listens on the socket. */
export function sendAdminCommand(path: string, argv: readonly string[]): Promise<AdminOutcome | null> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath: path, path: "/", method: "POST", headers: { "content-type": "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as AdminOutcome));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ECONNREFUSED") resolve(null);
      else reject(error);
    });
    req.end(JSON.stringify({ argv }));
  });
}
