import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { decodeBase64, encodeBase64, encodeBase64Into } from "./base64";

describe("base64", () => {
  it("encodes like Buffer for every length remainder and arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      }),
      { numRuns: 500 },
    );
  });

  it("decodes back what it encoded, with and without padding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect([...(decodeBase64(text) ?? [])]).toEqual([...bytes]);
        expect([...(decodeBase64(text.replace(/=+$/, "")) ?? [])]).toEqual([...bytes]);
      }),
      { numRuns: 500 },
    );
  });

  it("handles a multi-megabyte image", () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 1).map((_, i) => (i * 131) % 256);
    const text = encodeBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString("base64"));
    expect(decodeBase64(text)?.length).toBe(bytes.length);
  });

  it("encodes the same with the table, where the runtime has no native encoder, and into a byte buffer", async () => {
    vi.stubGlobal("Buffer", undefined);
    vi.resetModules();
    const table = await import("./base64");
    vi.unstubAllGlobals();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const expected = Buffer.from(bytes).toString("base64");
        expect(table.encodeBase64(bytes)).toBe(expected);
        for (const encodeInto of [table.encodeBase64Into, encodeBase64Into]) {
          const target = new Uint8Array(expected.length + 2).fill(35);
          encodeInto(bytes, target.subarray(1));
          expect(Buffer.from(target).toString("latin1")).toBe(`#${expected}#`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses text that is not base64", () => {
    for (const bad of ["!!!!", "a", "ab=c", "a===", "abcd=", "ab cd", "abc-", "\u00e9abc"]) {
      expect(decodeBase64(bad), bad).toBeNull();
    }
    expect(decodeBase64("")).toEqual(new Uint8Array());
  });
});
