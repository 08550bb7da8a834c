/**
 * The keys that protect personal data at rest, derived from one 32-byte master key (`DATA_KEY`) with HKDF-SHA-256:
 * an AES-256-GCM key that seals images, results and secrets, and an HMAC-SHA-256 key for blind indexes (searching
 * an encrypted document number by its keyed hash). Web Crypto only, so it runs wherever the app runs.
 *
 * A sealed value is `version (1 byte) || nonce (12 bytes) || ciphertext+tag`; the additional data binds it to its
 * place (e.g. "capture.image:cap_123"), so a ciphertext copied to another row or column does not open.
 */
export interface DataKeys {
  seal(plain: Uint8Array, place: string): Promise<Uint8Array>;
  open(sealed: Uint8Array, place: string): Promise<Uint8Array>;
  /** Keyed hash of a normalised value (upper case, no spaces or fillers), for equality search without the value. */
  blindIndex(value: string): Promise<Uint8Array>;
}

const VERSION = 1;
const NONCE_BYTES = 12;
const encoder = new TextEncoder();

export class DataKeyError extends Error {
  override readonly name = "DataKeyError";
}

/** Parses `DATA_KEY` (base64 of exactly 32 bytes). */
export function parseDataKey(base64: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64.trim()), (c) => c.charCodeAt(0));
  } catch {
    throw new DataKeyError("DATA_KEY is not valid base64");
  }
  if (bytes.length !== 32)
    throw new DataKeyError(`DATA_KEY must be 32 bytes (base64 of 32 bytes); it has ${bytes.length}`);
  return bytes;
}

export async function deriveDataKeys(master: Uint8Array): Promise<DataKeys> {
  const hkdf = await crypto.subtle.importKey("raw", master as BufferSource, "HKDF", false, ["deriveKey"]);
  const derive = (info: string, algorithm: AesKeyGenParams | HmacImportParams, usages: KeyUsage[]) =>
    crypto.subtle.deriveKey(
      { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(info) },
      hkdf,
      algorithm,
      false,
      usages,
    );
  const aes = await derive("passport-kyc seal v1", { name: "AES-GCM", length: 256 }, ["encrypt", "decrypt"]);
  const hmac = await derive("passport-kyc blind index v1", { name: "HMAC", hash: "SHA-256", length: 256 }, ["sign"]);

  return {
    async seal(plain, place) {
      const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
      const cipher = new Uint8Array(
        await crypto.subtle.encrypt(
          { name: "AES-GCM", iv: nonce, additionalData: encoder.encode(place) },
          aes,
          plain as BufferSource,
        ),
      );
      const out = new Uint8Array(1 + NONCE_BYTES + cipher.length);
      out[0] = VERSION;
      out.set(nonce, 1);
      out.set(cipher, 1 + NONCE_BYTES);
      return out;
    },
    async open(sealed, place) {
      if (sealed[0] !== VERSION || sealed.length < 1 + NONCE_BYTES + 16) {
        throw new DataKeyError("sealed value has an unknown format");
      }
      try {
        const plain = await crypto.subtle.decrypt(
          {
            name: "AES-GCM",
            iv: sealed.subarray(1, 1 + NONCE_BYTES) as BufferSource,
            additionalData: encoder.encode(place),
          },
          aes,
          sealed.subarray(1 + NONCE_BYTES) as BufferSource,
        );
        return new Uint8Array(plain);
      } catch {
        throw new DataKeyError(`sealed value does not open with this DATA_KEY at ${place.split(":")[0]}`);
      }
    },
    async blindIndex(value) {
      const normal = value.toUpperCase().replace(/[\s<]/g, "");
      return new Uint8Array(await crypto.subtle.sign("HMAC", hmac, encoder.encode(normal)));
    },
  };
}

/** JSON helpers over seal/open. */
export async function sealJson(keys: DataKeys, value: unknown, place: string): Promise<Uint8Array> {
  return keys.seal(encoder.encode(JSON.stringify(value)), place);
}

export async function openJson<T>(keys: DataKeys, sealed: Uint8Array, place: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await keys.open(sealed, place))) as T;
}
