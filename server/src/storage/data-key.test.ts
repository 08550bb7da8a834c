import { describe, expect, it } from "vitest";
import { DataKeyError, deriveDataKeys, openJson, parseDataKey, sealJson } from "./data-key";

const master = new Uint8Array(32).map((_, i) => i);
const otherMaster = new Uint8Array(32).fill(9);

describe("data keys", () => {
  it("seals with a fresh nonce each time and opens only at the same place with the same key", async () => {
    const keys = await deriveDataKeys(master);
    const plain = new TextEncoder().encode("P<UTOERIKSSON<<ANNA<MARIA");
    const a = await keys.seal(plain, "capture.image:cap_1");
    const b = await keys.seal(plain, "capture.image:cap_1");
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + plain.length + 16);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(a).includes(Buffer.from("ERIKSSON"))).toBe(false);
    expect(new TextDecoder().decode(await keys.open(a, "capture.image:cap_1"))).toBe("P<UTOERIKSSON<<ANNA<MARIA");
    await expect(keys.open(a, "capture.image:cap_2")).rejects.toThrow(DataKeyError);
    await expect((await deriveDataKeys(otherMaster)).open(a, "capture.image:cap_1")).rejects.toThrow(DataKeyError);
    const tampered = a.slice();
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    await expect(keys.open(tampered, "capture.image:cap_1")).rejects.toThrow(/does not open/);
  });

  it("round-trips JSON", async () => {
    const keys = await deriveDataKeys(master);
    const sealed = await sealJson(keys, { number: "L898902C3", n: 1 }, "capture.result:cap_1");
    expect(await openJson(keys, sealed, "capture.result:cap_1")).toEqual({ number: "L898902C3", n: 1 });
  });

  it("gives one blind index per normalised value and another under another key", async () => {
    const keys = await deriveDataKeys(master);
    const a = await keys.blindIndex("l898902c3");
    expect(Buffer.from(a).equals(Buffer.from(await keys.blindIndex(" L898902C3<")))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(await keys.blindIndex("L898902C4")))).toBe(false);
    const other = await (await deriveDataKeys(otherMaster)).blindIndex("L898902C3");
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it("parses DATA_KEY and names what is wrong", () => {
    expect(parseDataKey(Buffer.from(master).toString("base64"))).toEqual(master);
    expect(() => parseDataKey("not base64!")).toThrow(/not valid base64/);
    expect(() => parseDataKey(Buffer.from(new Uint8Array(16)).toString("base64"))).toThrow(/32 bytes.*16/);
  });
});
