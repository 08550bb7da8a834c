/**
 * IP addresses as the client-address logic needs them: strict parsing (a forwarded hop that is not an address is never
 * a rate-limit key), CIDR ranges for trusted proxies, and the key a client is counted under (IPv6 by its /64, because
 * one subscriber usually holds a whole /64 and can pick any address in it).
 */

/** 4 bytes (IPv4) or 16 bytes (IPv6); IPv4-mapped IPv6 (::ffff:a.b.c.d) is stored as IPv4. */
export type IpBytes = Uint8Array;

const V4_PART = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const V4 = new RegExp(`^${V4_PART}\\.${V4_PART}\\.${V4_PART}\\.${V4_PART}$`);

function parseV4(text: string): IpBytes | null {
  const match = V4.exec(text);
  return match ? Uint8Array.from(match.slice(1, 5).map(Number)) : null;
}

function parseV6(text: string): IpBytes | null {
  if (text.length > 45 || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".", lastColon)) {
    // An embedded IPv4 tail (::ffff:1.2.3.4) is the last two words written in decimal.
    const v4 = parseV4(text.slice(lastColon + 1));
    if (!v4) return null;
    const word = (hi: number, lo: number) => ((v4[hi]! << 8) | v4[lo]!).toString(16);
    return parseV6(`${text.slice(0, lastColon + 1)}${word(0, 1)}:${word(2, 3)}`);
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const words = (part: string) => (part === "" ? [] : part.split(":"));
  const left = words(halves[0] ?? "");
  const right = halves.length === 2 ? words(halves[1] ?? "") : [];
  const given = left.length + right.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const all = [...left, ...new Array<string>(8 - given).fill("0"), ...right];
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const word = all[i] ?? "";
    if (!/^[0-9a-fA-F]{1,4}$/.test(word)) return null;
    const value = Number.parseInt(word, 16);
    out[i * 2] = value >> 8;
    out[i * 2 + 1] = value & 255;
  }
  const mapped = out.subarray(0, 12).every((b, i) => b === (i >= 10 ? 255 : 0));
  return mapped ? out.slice(12) : out;
}

/**
 * Parses one address as sockets and forwarding proxies write it: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`,
 * `[2001:db8::1]`, `[2001:db8::1]:443`, `fe80::1%eth0`. Anything else (names, garbage, "unknown") is null.
 */
export function parseIp(value: string): IpBytes | null {
  let text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? "";
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.indexOf(":"));
  const zone = text.indexOf("%");
  if (zone > 0) text = text.slice(0, zone);
  return text.includes(":") ? parseV6(text) : parseV4(text);
}

const hex = (bytes: IpBytes, word: number) => ((bytes[word * 2]! << 8) | bytes[word * 2 + 1]!).toString(16);

/** The key a client is counted under: the IPv4 address, or the IPv6 address's /64 (`2001:db8:1:2::/64`). */
export function clientKeyOf(ip: IpBytes): string {
  if (ip.length === 4) return ip.join(".");
  return `${[0, 1, 2, 3].map((w) => hex(ip, w)).join(":")}::/64`;
}

export function isLoopback(ip: IpBytes): boolean {
  return ip.length === 4 ? ip[0] === 127 : ip.every((b, i) => b === (i === 15 ? 1 : 0));
}

/** A range of addresses: an address and how many leading bits must match. */
export interface IpRange {
  bytes: IpBytes;
  prefix: number;
}

/** Names usable in TRUSTED_PROXIES for common ranges (as Express's `trust proxy` names them). */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
};

/** `10.0.0.0/8`, `2001:db8::/32`, `192.0.2.7` (one address) or a name (loopback, private, linklocal); null if invalid. */
export function parseRanges(value: string): IpRange[] | null {
  const named = NAMED_RANGES[value.trim().toLowerCase()];
  if (named) return named.map((range) => parseRanges(range)?.[0] as IpRange);
  const [address = "", prefixText, extra] = value.trim().split("/");
  if (extra !== undefined) return null;
  const bytes = parseIp(address);
  if (!bytes) return null;
  const max = bytes.length * 8;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > max) return null;
  return [{ bytes, prefix }];
}

export function inRange(ip: IpBytes, range: IpRange): boolean {
  if (ip.length !== range.bytes.length) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (255 << (8 - bits)) & 255;
    if ((ip[i]! & mask) !== (range.bytes[i]! & mask)) return false;
  }
  return true;
}
