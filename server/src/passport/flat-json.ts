import { AppError } from "../errors";

/** A JSON value allowed in a flat object: strings stay as their raw bytes until asked for. */
export type FlatValue = { type: "string"; raw: Uint8Array; escaped: boolean } | { type: "boolean"; value: boolean };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a flat JSON object — `{ "key": "string" | true | false, ... }` with the keys `allowed` — from bytes, without
 * building a tree: a nested array or object is refused at its first byte, so a body of a million `[` costs one step
 * rather than a parse (issue 17: a 6 MB nesting bomb cost 0.9 s and 200 MB in JSON.parse). Long strings are not
 * copied: their bytes are returned as a view. Syntax errors are `malformed_json`, shape errors `invalid_body`.
 */
export function parseFlatJson(bytes: Uint8Array, allowed: readonly string[]): Map<string, FlatValue> {
  const out = new Map<string, FlatValue>();
  let at = 0;
  const skipSpace = () => {
    while (isSpace(bytes[at])) at++;
  };
  const expect = (byte: number) => {
    skipSpace();
    if (bytes[at] !== byte) throw new AppError("malformed_json");
    at++;
  };
  /** The bytes between a string's quotes, `at` on the opening quote; escapes are only noted. */
  const string = (): { raw: Uint8Array; escaped: boolean } => {
    const start = at + 1;
    let end = start;
    let escaped = false;
    for (;;) {
      end = bytes.indexOf(QUOTE, end);
      if (end < 0) throw new AppError("malformed_json");
      let slashes = 0;
      while (bytes[end - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes > 0) escaped = true;
      if (slashes % 2 === 0) break;
      end++;
    }
    if (!escaped && bytes.subarray(start, end).includes(BACKSLASH)) escaped = true;
    at = end + 1;
    return { raw: bytes.subarray(start, end), escaped };
  };
  const literal = (word: string, value: boolean): FlatValue => {
    if (latin1.decode(bytes.subarray(at, at + word.length)) !== word) throw new AppError("malformed_json");
    at += word.length;
    return { type: "boolean", value };
  };

  expect(0x7b); // {
  skipSpace();
  if (bytes[at] === 0x7d) at++;
  else {
    for (;;) {
      skipSpace();
      if (bytes[at] !== QUOTE) throw new AppError("malformed_json");
      const key = flatString(string());
      if (!allowed.includes(key)) throw invalid(`unexpected field "${key.slice(0, 40)}"`);
      if (out.has(key)) throw invalid(`${key}: given twice`);
      expect(0x3a); // :
      skipSpace();
      const first = bytes[at];
      if (first === QUOTE) out.set(key, { type: "string", ...string() });
      else if (first === 0x74) out.set(key, literal("true", true));
      else if (first === 0x66) out.set(key, literal("false", false));
      else if (first === 0x7b || first === 0x5b) throw invalid(`${key}: nested values are not accepted`);
      else if (first === undefined) throw new AppError("malformed_json");
      else throw invalid(`${key}: expected a string or a boolean`);
      skipSpace();
      if (bytes[at] === 0x2c) {
        at++;
        continue;
      }
      expect(0x7d); // }
      break;
    }
  }
  skipSpace();
  if (at !== bytes.length) throw new AppError("malformed_json");
  return out;
}

/** A string value as text: escapes are resolved by JSON.parse on that one flat string. */
export function flatString(value: { raw: Uint8Array; escaped: boolean }): string {
  let text: string;
  try {
    text = utf8.decode(value.raw);
  } catch (cause) {
    throw new AppError("malformed_json", { cause });
  }
  if (!value.escaped) return text;
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch (cause) {
    throw new AppError("malformed_json", { cause });
  }
}

function invalid(detail: string): AppError {
  return new AppError("invalid_body", { message: `The request body is not what was expected (${detail}).` });
}
