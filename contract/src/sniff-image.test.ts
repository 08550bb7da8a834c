import { describe, expect, it } from "vitest";
import { sniffImage } from "./sniff-image";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((ch) => ch.charCodeAt(0)) : p)));
const pad = (n: number) => new Array(n).fill(0);

describe("sniffImage", () => {
  it("accepts PNG, JPEG and BMP by their first bytes", () => {
    expect(sniffImage(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pad(40)))).toEqual({
      accepted: true,
      mediaType: "image/png",
    });
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0], pad(10)))).toEqual({ accepted: true, mediaType: "image/jpeg" });
    expect(sniffImage(bytes("BM", pad(12), [40, 0, 0, 0], pad(20)))).toEqual({
      accepted: true,
      mediaType: "image/bmp",
    });
  });

  it("refuses truncated signatures and a BM prefix without a BMP header", () => {
    expect(sniffImage(bytes([0x89, 0x50, 0x4e, 0x47]))).toEqual({ accepted: false, detected: null });
    expect(sniffImage(bytes([0xff, 0xd8]))).toEqual({ accepted: false, detected: null });
    expect(sniffImage(bytes("BM hello, this is text not a bitmap"))).toEqual({ accepted: false, detected: null });
    expect(sniffImage(new Uint8Array())).toEqual({ accepted: false, detected: null });
  });

  it("names the formats people commonly send", () => {
    expect(sniffImage(bytes("GIF89a", pad(10)))).toMatchObject({ detected: "GIF" });
    expect(sniffImage(bytes("RIFF", pad(4), "WEBPVP8 "))).toMatchObject({ detected: "WebP" });
    expect(sniffImage(bytes(pad(4), "ftypheic", pad(8)))).toMatchObject({ detected: "HEIC" });
    expect(sniffImage(bytes("  <svg xmlns='http://www.w3.org/2000/svg'>"))).toMatchObject({ detected: "SVG" });
    expect(sniffImage(bytes("<!DOCTYPE html><html>"))).toMatchObject({ detected: "HTML" });
    expect(sniffImage(bytes("%PDF-1.7"))).toMatchObject({ detected: "PDF" });
  });

  it("judges an HTML/image polyglot by its first bytes only", () => {
    // A file that starts as HTML and carries a JPEG later is not an image we send upstream.
    expect(sniffImage(bytes("<html><body>", [0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ accepted: false });
  });
});
