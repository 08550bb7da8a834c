import { readFileSync } from "node:fs";

/**
 * Established TCP connections whose server side is `port` on this machine (IPv4 and IPv6), read from /proc/net/tcp*.
 * Linux only: it lets a test see sockets that stay open after a run, whichever process or library holds them.
 */
export function establishedConnectionsTo(port: number): number {
  return establishedClientsOf(port).length;
}

/**
 * The client ends ("address:port" in /proc's hex notation) of the established connections to `port`: a test can
 * follow one connection and tell it from pooled ones a client library opens later.
 */
export function establishedClientsOf(port: number): string[] {
  const clients: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      const local = columns[1];
      const remote = columns[2];
      const state = columns[3];
      if (!local || !remote || state !== "01") continue;
      const localPort = Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16);
      if (localPort === port) clients.push(remote);
    }
  }
  return clients;
}

/** Counts of this process's active handles and requests by type (sockets, servers, timers). */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}
