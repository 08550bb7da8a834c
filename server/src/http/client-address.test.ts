import { describe, expect, it } from "vitest";
import { resolveClient } from "./client-address";
import { clientKeyOf, parseRanges } from "./ip-address";

const trusted = ["127.0.0.1", "10.0.0.0/8"].flatMap((r) => parseRanges(r) ?? []);
const client = (peer: string | undefined, xff?: string) => {
  const { ip, viaTrustedProxy } = resolveClient(peer, xff, trusted);
  return [ip ? clientKeyOf(ip) : null, viaTrustedProxy];
};

describe("resolveClient (issue 17, item 6)", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(client("203.0.113.9", "198.51.100.1")).toEqual(["203.0.113.9", false]);
    expect(client("203.0.113.9", "garbage")).toEqual(["203.0.113.9", false]);
  });

  it("takes the right-most hop that is not a trusted proxy, whatever the client wrote to its left", () => {
    expect(client("127.0.0.1", "198.51.100.1")).toEqual(["198.51.100.1", true]);
    expect(client("127.0.0.1", "6.6.6.6, 198.51.100.1")).toEqual(["198.51.100.1", true]);
    expect(client("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.1.1")).toEqual(["198.51.100.1", true]);
    expect(client("::ffff:127.0.0.1", "2001:db8:1:2::99")).toEqual(["2001:db8:1:2::/64", true]);
  });

  it("stops at a hop that is not an address: the proxy that passed it on is the client", () => {
    expect(client("127.0.0.1", "198.51.100.1, not-an-ip, 10.2.2.2")).toEqual(["10.2.2.2", true]);
    expect(client("127.0.0.1", "")).toEqual(["127.0.0.1", true]);
    expect(client("127.0.0.1", undefined)).toEqual(["127.0.0.1", true]);
  });

  it("has no address when the runtime gave none", () => {
    expect(client(undefined, "198.51.100.1")).toEqual([null, false]);
  });
});
