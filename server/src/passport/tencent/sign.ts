/**
 * TC3-HMAC-SHA256 request signing for Tencent Cloud API 3.0, with Web Crypto only (runs on Node, Workers, Deno, Bun).
 * Signs `content-type;host` like the official SDKs; see docs/decisions/0201-tencent-signing-and-transport.md.
 */

export interface Tc3SignInput {
  secretId: string;
  secretKey: string;
  /** Host name the request really goes to, without port (the official SDK signs `URL.hostname`). */
  host: string;
  /** The Content-Type header value exactly as it will be sent. */
  contentType: string;
  /** The request body exactly as it will be sent (strings are encoded as UTF-8). */
  body: string | Uint8Array;
  /** Integer seconds since the epoch; its UTC date is part of the credential scope. */
  timestamp: number;
  /** Signing service name; always "ocr" for the OCR API. */
  service?: string;
  /** The body's SHA-256 in hex, when the caller has it already (retries of one body). */
  payloadHash?: string;
}

export interface Tc3Signature {
  /** The full Authorization header value. */
  authorization: string;
  signature: string;
  credentialScope: string;
  payloadHash: string;
  hashedCanonicalRequest: string;
}

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";
const SIGNED_HEADERS = "content-type;host";
const encoder = new TextEncoder();

function toBytes(value: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof value === "string") return encoder.encode(value);
  if (value.buffer instanceof ArrayBuffer) return value as Uint8Array<ArrayBuffer>;
  // Copy into a fresh ArrayBuffer-backed view (Web Crypto rejects SharedArrayBuffer views in some runtimes).
  const copy = new Uint8Array(value.byteLength);
  copy.set(value);
  return copy;
}

function hex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", toBytes(data)));
}

async function hmac(key: string | Uint8Array, message: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey("raw", toBytes(key), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return crypto.subtle.sign("HMAC", cryptoKey, toBytes(message));
}

/** UTC date of a Unix timestamp in seconds, as YYYY-MM-DD. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

function assertInput(input: Tc3SignInput): void {
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0) {
    throw new TypeError("TC3 signing needs an integer timestamp in seconds");
  }
  if (!input.host || /[\s/:]/.test(input.host)) {
    throw new TypeError("TC3 signing needs a bare host name (no scheme, port or path)");
  }
  if (!input.secretId || !input.secretKey) throw new TypeError("TC3 signing needs a SecretId and a SecretKey");
  if (/[\r\n]/.test(input.contentType)) throw new TypeError("Content-Type must be a single header line");
}

export async function signTc3(input: Tc3SignInput): Promise<Tc3Signature> {
  assertInput(input);
  const service = input.service ?? "ocr";
  const payloadHash = input.payloadHash ?? (await sha256Hex(input.body));
  const canonicalRequest = [
    "POST",
    "/",
    "",
    `content-type:${input.contentType}\nhost:${input.host}\n`,
    SIGNED_HEADERS,
    payloadHash,
  ].join("\n");
  const hashedCanonicalRequest = await sha256Hex(canonicalRequest);
  const date = tc3Date(input.timestamp);
  const credentialScope = `${date}/${service}/tc3_request`;
  const stringToSign = `${TC3_ALGORITHM}\n${input.timestamp}\n${credentialScope}\n${hashedCanonicalRequest}`;

  const kDate = await hmac(`TC3${input.secretKey}`, date);
  const kService = await hmac(new Uint8Array(kDate), service);
  const kSigning = await hmac(new Uint8Array(kService), "tc3_request");
  const signature = hex(await hmac(new Uint8Array(kSigning), stringToSign));

  return {
    authorization: `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`,
    signature,
    credentialScope,
    payloadHash,
    hashedCanonicalRequest,
  };
}
