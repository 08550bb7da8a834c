import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { type FlatValue, flatString, parseFlatJson } from "./flat-json";

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseFlatJson(bytes(text), ["imageBase64", "portrait"]);
const text = (value: FlatValue | undefined) => (value?.type === "string" ? flatString(value) : value);
const failure = (body: string) => {
  try {
    parse(body);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return [(error as AppError).code, (error as AppError).message];
  }
  throw new Error(`parsed: ${body.slice(0, 40)}`);
};

describe("parseFlatJson (issue 17, item 2)", () => {
  it("reads the flat shape, whitespace and escapes included, strings as views", () => {
    const fields = parse(' {\n "imageBase64" : "aGVs\\/bG8=",\t"portrait":true } ');
    expect(text(fields.get("imageBase64"))).toBe("aGVs/bG8=");
    expect(fields.get("portrait")).toEqual({ type: "boolean", value: true });
    expect(text(parse('{"imageBase64":"a\\\\"}').get("imageBase64"))).toBe("a\\");
    expect(text(parse('{"imageBase64":"\\u0041B"}').get("imageBase64"))).toBe("AB");
    expect(parse("{}").size).toBe(0);
    const raw = parse('{"imageBase64":"QUJD"}').get("imageBase64");
    expect(raw).toMatchObject({ type: "string", escaped: false });
  });

  it("refuses nesting at its first byte, whatever follows", () => {
    const bomb = `{"imageBase64":${"[".repeat(3_000_000)}${"]".repeat(3_000_000)}}`;
    expect(failure(bomb)).toEqual([
      "invalid_body",
      "The request body is not what was expected (imageBase64: nested values are not accepted).",
    ]);
    expect(failure('{"portrait":{"a":1}}')[0]).toBe("invalid_body");
    expect(failure(`${"[".repeat(1_000_000)}`)[0]).toBe("malformed_json");
  });

  it("refuses fields, types and repeats outside the shape", () => {
    expect(failure('{"imageBase64":"a","note":"x"}')).toEqual([
      "invalid_body",
      'The request body is not what was expected (unexpected field "note").',
    ]);
    expect(failure('{"portrait":true,"portrait":false}')[1]).toContain("portrait: given twice");
    expect(failure('{"imageBase64":7}')[1]).toContain("imageBase64: expected a string or a boolean");
    expect(failure('{"imageBase64":null}')[0]).toBe("invalid_body");
  });

  it("refuses what is not JSON", () => {
    for (const bad of [
      "",
      "{",
      '{"imageBase64"',
      '{"imageBase64":"abc',
      '{"portrait":tru}',
      '{"portrait":true} x',
      "{,}",
    ]) {
      expect(failure(bad)[0], bad).toBe("malformed_json");
    }
    // Escapes are checked when the string is read (only the image's is, once).
    expect(() => text(parse('{"imageBase64":"\\x"}').get("imageBase64"))).toThrow(/not valid JSON/);
  });
});
