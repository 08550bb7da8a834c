import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));

/** A fresh DATA_DIR for one e2e server: the server opens an embedded database there, one process per directory. */
export function tempDataDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `passport-kyc-e2e-${name}-`));
}

/**
 * Server output with its random parts masked: request ids (UUIDs), record ids (`ses_...`, `cap_...`), the hashed
 * names of built assets, and timings. Random text holds any short string now and then (the UUIDs of one desk run hold
 * `1974` about one run in ten), so a check that short personal data stays out of the logs looks at the rest.
 */
export function withoutRandomIds(output: string): string {
  return output
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
    .replace(/\b(ses|cap|key|msg|agt|evt|dsk)_[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g, "$1_<id>")
    .replace(/"durationMs":\d+/g, '"durationMs":0')
    .replace(/\/assets\/[^"\s]+/g, "/assets/<file>");
}

export interface AppServer {
  url: string;
  pid: number;
  dataDir: string;
  /** Everything the server printed (stdout and stderr) since it started. */
  output: () => string;
  /** SIGTERM and wait for the exit; the DATA_DIR stays (restart() opens it again). */
  stop: () => Promise<void>;
  /** Kills the process at once (no graceful shutdown), as a crash or a power cut would. */
  kill: () => Promise<void>;
  /** Starts the server again on the same DATA_DIR (a new port unless PORT was given). */
  restart: () => Promise<AppServer>;
  /** Stops the server and removes its DATA_DIR. */
  dispose: () => Promise<void>;
}

/**
 * The built server (server/dist/index.js) as its own process, on a free port unless PORT is given, with its own
 * temp DATA_DIR (or the one given), its output kept, and the minimal environment plus `env`.
 */
export async function startAppServer(
  env: Record<string, string>,
  options: { dataDir?: string; startTimeoutMs?: number } = {},
): Promise<AppServer> {
  const dataDir = options.dataDir ?? tempDataDir("server");
  const child: ChildProcess = spawn(process.execPath, [join(repo, "server/dist/index.js")], {
    cwd: join(repo, "e2e"),
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output}`)),
      options.startTimeoutMs ?? 60_000,
    );
    child.stdout?.on("data", () => {
      const port = output.match(/listening on http:\/\/localhost:(\d+)/)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const server: AppServer = {
    url,
    pid: child.pid ?? 0,
    dataDir,
    output: () => output,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
    restart: async () => {
      await end("SIGTERM");
      return startAppServer(env, { ...options, dataDir });
    },
    dispose: async () => {
      await end("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
