import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { activeResources, establishedConnectionsTo } from "./open-connections";

describe("establishedConnectionsTo", () => {
  let server: Server;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sees a connection open and then closed", async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    expect(establishedConnectionsTo(port)).toBe(0);
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    expect(establishedConnectionsTo(port)).toBe(1);
    expect(activeResources().TCPSocketWrap).toBeGreaterThanOrEqual(1);
    socket.destroy();
    await expect.poll(() => establishedConnectionsTo(port)).toBe(0);
  });
});
