import { describe, expect, it } from "vitest";
import { clientKeyOf, inRange, isLoopback, parseIp, parseRanges } from "./ip-address";

const key = (text: string) => {
  const ip = parseIp(text);
  return ip ? clientKeyOf(ip) : null;
};

describe("parseIp", () => {
  it("reads addresses as sockets and proxies write them", () => {
    expect(key("203.0.113.7")).toBe("203.0.113.7");
    expect(key("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(key("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(key("::FFFF:cb00:7107")).toBe("203.0.113.7");
    expect(key("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
    expect(key("[2001:db8:1:2::1]:443")).toBe("2001:db8:1:2::/64");
    expect(key("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(key("::1")).toBe("0:0:0:0::/64");
    expect(key("1:2:3:4:5:6:7:8")).toBe("1:2:3:4::/64");
  });

  it("refuses anything that is not one address", () => {
    for (const bad of [
      "",
      "unknown",
      "example.com",
      "256.1.1.1",
      "1.2.3",
      "01.2.3.4",
      "1.2.3.4.5",
      "1:2:3:4:5:6:7:8:9",
      "1::2::3",
      "12345::1",
      "2001:db8::g",
      "1.2.3.4, 5.6.7.8",
      "<script>",
    ]) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it("groups IPv6 by /64: every address of one subscriber is one client", () => {
    expect(key("2001:db8:aa:bb:1::1")).toBe(key("2001:db8:aa:bb:ffff:ffff:ffff:ffff"));
    expect(key("2001:db8:aa:bb::1")).not.toBe(key("2001:db8:aa:bc::1"));
  });

  it("knows loopback in both families", () => {
    expect(["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"].map((a) => isLoopback(parseIp(a)!))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(isLoopback(parseIp("10.0.0.1")!)).toBe(false);
  });
});

describe("ranges", () => {
  const within = (ip: string, range: string) => (parseRanges(range) ?? []).some((r) => inRange(parseIp(ip)!, r));

  it("matches CIDR ranges, single addresses and the named ranges", () => {
    expect(within("10.1.2.3", "10.0.0.0/8")).toBe(true);
    expect(within("11.1.2.3", "10.0.0.0/8")).toBe(false);
    expect(within("172.31.0.1", "172.16.0.0/12")).toBe(true);
    expect(within("172.32.0.1", "172.16.0.0/12")).toBe(false);
    expect(within("192.0.2.7", "192.0.2.7")).toBe(true);
    expect(within("192.0.2.8", "192.0.2.7")).toBe(false);
    expect(within("2001:db8::5", "2001:db8::/32")).toBe(true);
    expect(within("2001:db9::5", "2001:db8::/32")).toBe(false);
    expect(within("10.0.0.1", "::/0")).toBe(false);
    expect(within("::ffff:10.0.0.1", "10.0.0.0/8")).toBe(true);
    expect(within("127.0.0.1", "loopback")).toBe(true);
    expect(within("fd12::1", "private")).toBe(true);
    expect(within("8.8.8.8", "private")).toBe(false);
  });

  it("refuses ranges that are not ranges", () => {
    for (const bad of ["10.0.0.0/33", "2001:db8::/129", "10.0.0.0/8/8", "10.0.0.0/x", "proxy.internal", ""]) {
      expect(parseRanges(bad), bad).toBeNull();
    }
  });
});
