/** Child processes for benchmarks: a server started from its command, its RSS sampled from /proc, stopped cleanly. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Child {
  pid: number;
  /** What the process printed (stdout and stderr), for diagnostics. */
  output(): string;
  /** Resident set size now, in bytes (VmRSS). */
  rss(): number;
  /** Highest resident set size since the process started, in bytes (VmHWM, kept by the kernel). */
  peakRss(): number;
  /** CPU time the process has used (user + system), in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
  cpuMs(): number;
  stop(): Promise<void>;
  /** Sends `signal` and resolves with the first line printed afterwards that matches `line`. */
  ask(signal: NodeJS.Signals, line: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  if (!match?.[1]) throw new Error(`${field} missing from /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/**
 * Starts `command args` and resolves once a line of its output matches `ready` (the match is returned too).
 * The command must be the process itself (node, not a shell or pnpm wrapper), so its pid is the one measured.
 */
export async function startChild(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; ready: RegExp; timeoutMs?: number },
): Promise<{ child: Child; match: RegExpMatchArray }> {
  const proc: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    // Access logs of a load run are long; keep the start (startup messages) and the most recent part.
    if (output.length > 200_000) output = `${output.slice(0, 20_000)}\n…\n${output.slice(-100_000)}`;
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${command} ${args.join(" ")} not ready:\n${output}`)),
      options.timeoutMs ?? 60_000,
    );
    const check = () => {
      const found = output.match(options.ready);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    proc.stdout?.on("data", check);
    proc.stderr?.on("data", check);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`));
    });
  });
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`${command} has no pid`);
  return {
    match,
    child: {
      pid,
      output: () => output,
      rss: () => statusField(pid, "VmRSS"),
      peakRss: () => statusField(pid, "VmHWM"),
      cpuMs: () => {
        // Fields after the command name's closing parenthesis: utime and stime are the 12th and 13th.
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        return (Number(fields[11]) + Number(fields[12])) * 10;
      },
      ask: (signal, line, timeoutMs = 10_000) =>
        new Promise<RegExpMatchArray>((resolve, reject) => {
          const from = output.length;
          const timer = setTimeout(() => reject(new Error(`no answer to ${signal}`)), timeoutMs);
          const check = () => {
            const found = output.slice(from).match(line);
            if (!found) return;
            clearTimeout(timer);
            proc.stdout?.off("data", check);
            resolve(found);
          };
          proc.stdout?.on("data", check);
          proc.kill(signal);
        }),
      stop: () =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          const force = setTimeout(() => proc.kill("SIGKILL"), 5_000);
          proc.once("exit", () => {
            clearTimeout(force);
            resolve();
          });
          proc.kill("SIGTERM");
        }),
    },
  };
}
