import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { parseMultipart } from "./multipart";

const bytes = (text: string) => new TextEncoder().encode(text);
const latin1 = new TextDecoder("latin1");

describe("parseMultipart", () => {
  it("splits a body the way browsers and curl write it, as views into it", async () => {
    const form = new FormData();
    form.set("image", new Blob([new Uint8Array([0xff, 0xd8, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0xd9])]), "photo.jpg");
    form.set("portrait", "true");
    const request = new Request("http://x/", { method: "POST", body: form });
    const body = new Uint8Array(await request.arrayBuffer());
    const parts = parseMultipart(body, request.headers.get("content-type") ?? "");
    expect(parts.map((p) => [p.name, p.filename, [...p.body]])).toEqual([
      ["image", "photo.jpg", [0xff, 0xd8, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0xd9]],
      ["portrait", null, [...bytes("true")]],
    ]);
    expect(parts[0]?.body.buffer).toBe(body.buffer);
  });

  it("finds every part of any content exactly as the Fetch API wrote it", async () => {
    const dashes = fc.constantFrom(0x0d, 0x0a, 0x2d, 0x2d, 0x2d);
    const content = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), dashes), { maxLength: 2_000 });
    await fc.assert(
      fc.asyncProperty(content, content, async (image, other) => {
        const form = new FormData();
        form.set("image", new Blob([new Uint8Array(image)]), "p.jpg");
        form.set("extra", new Blob([new Uint8Array(other)]), "x.bin");
        const request = new Request("http://x/", { method: "POST", body: form });
        const parts = parseMultipart(new Uint8Array(await request.arrayBuffer()), request.headers.get("content-type")!);
        expect(parts.map((p) => [p.name, [...p.body]])).toEqual([
          ["image", image],
          ["extra", other],
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it("takes a quoted boundary, a preamble, padding and escaped quotes in a filename", () => {
    const body = bytes(
      'preamble\r\n--b c  \r\nContent-Disposition: form-data; name="image"; filename="a \\"b\\".png"\r\n\r\nPNG\r\n--b c--\r\n',
    );
    const parts = parseMultipart(body, 'multipart/form-data; boundary="b c"');
    expect(parts.map((p) => [p.name, p.filename, latin1.decode(p.body)])).toEqual([["image", 'a "b".png', "PNG"]]);
  });

  it("refuses bodies that are not well-formed", () => {
    const cases: [string, string][] = [
      ["--b\r\nContent-Disposition: form-data; name=image; filename=x\r\n\r\n\xff\xd8\xff", "b"],
      ['--xyz\r\nContent-Disposition: form-data; name="image"\r\n\r\nbroken', "xyz"],
      ["--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "b"],
      ["no delimiter at all", "b"],
      [`--b\r\n${"X-Long: y\r\n".repeat(1_000)}\r\nx\r\n--b--`, "b"],
      [`${'--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n'.repeat(9)}--b--`, "b"],
    ];
    for (const [text, boundary] of cases) {
      const body = Uint8Array.from(text, (c) => c.charCodeAt(0));
      expect(
        () => parseMultipart(body, `multipart/form-data; boundary=${boundary}`),
        latin1.decode(body).slice(0, 30),
      ).toThrow(AppError);
    }
    expect(() => parseMultipart(bytes("--b--"), "multipart/form-data")).toThrow(AppError);
  });
});
