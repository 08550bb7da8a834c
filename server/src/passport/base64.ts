/**
 * Base64 that runs on edge runtimes (no Buffer required) and is fast where the runtime is: encoding uses the runtime's
 * native encoder when it has one (Uint8Array.prototype.toBase64, or Node's Buffer: about 0.5 ms per MB against 3 ms
 * for the table below, issue 17's benchmark), else a table that writes ASCII bytes; `btoa(String.fromCharCode(...))`
 * costs 130-300 ms per MB on Node 20. Decoding reads char codes through the table, which also validates them.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const ENCODE = new Uint8Array(64).map((_, i) => ALPHABET.charCodeAt(i));
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 61; // "="
const ascii = new TextDecoder("latin1");
const encoder = new TextEncoder();

type NativeEncoder = (bytes: Uint8Array) => string;
const nativeEncoder = ((): NativeEncoder | null => {
  const toBase64 = (Uint8Array.prototype as { toBase64?: (this: Uint8Array) => string }).toBase64;
  if (typeof toBase64 === "function") return (bytes) => toBase64.call(bytes);
  const buffer = (
    globalThis as { Buffer?: { from(b: ArrayBufferLike, o: number, l: number): { toString(e: string): string } } }
  ).Buffer;
  if (buffer) return (bytes) => buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  return null;
})();

export function encodeBase64(bytes: Uint8Array): string {
  if (nativeEncoder) return nativeEncoder(bytes);
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  encodeTable(bytes, out);
  return ascii.decode(out);
}

/**
 * Input bytes per native call when writing into a buffer: 64 KB strings stay in V8's young generation. Whole-image
 * strings (1.4 MB) are external strings on Node, and each made V8 run a full mark-compact: about one per request under
 * load, 15 ms each on a busy 2-core machine (issue 17's benchmark), against scavenges for the small ones.
 */
const NATIVE_CHUNK = 48 * 1024;

/** Writes the base64 of `bytes` into `target` as ASCII bytes (it must hold Math.ceil(n / 3) * 4 of them). */
export function encodeBase64Into(bytes: Uint8Array, target: Uint8Array): void {
  if (!nativeEncoder) {
    encodeTable(bytes, target);
    return;
  }
  for (let at = 0, out = 0; at < bytes.length; at += NATIVE_CHUNK) {
    const chunk = bytes.subarray(at, Math.min(bytes.length, at + NATIVE_CHUNK));
    out += encoder.encodeInto(nativeEncoder(chunk), target.subarray(out)).written;
  }
}

function encodeTable(bytes: Uint8Array, out: Uint8Array): void {
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[n >> 18]!;
    out[o++] = ENCODE[(n >> 12) & 63]!;
    out[o++] = ENCODE[(n >> 6) & 63]!;
    out[o++] = ENCODE[n & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o++] = ENCODE[n >> 18]!;
    out[o++] = ENCODE[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? ENCODE[(n >> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
}

/** Decodes standard base64 (padding optional, no whitespace); null when the text is not valid base64. */
export function decodeBase64(text: string): Uint8Array | null {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  if (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  if (end % 4 === 1 || (text.length !== end && text.length % 4 !== 0)) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const a = DECODE[text.charCodeAt(i)]!;
    const b = DECODE[text.charCodeAt(i + 1)]!;
    const c = DECODE[text.charCodeAt(i + 2)]!;
    const d = DECODE[text.charCodeAt(i + 3)]!;
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (i < end) {
    const a = DECODE[text.charCodeAt(i)]!;
    const b = DECODE[text.charCodeAt(i + 1)]!;
    const c = end - i === 3 ? DECODE[text.charCodeAt(i + 2)]! : 0;
    if ((a | b | c) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >> 16;
    if (end - i === 3) out[o++] = (n >> 8) & 255;
  }
  return out;
}
