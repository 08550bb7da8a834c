/** Random identifiers and secrets (Web Crypto), base64url without padding. */
function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** A record id such as `ses_3kTqz...`: 128 random bits, unguessable, sortable only by its created_at. */
export function newId(prefix: "ses" | "cap" | "key" | "msg" | "agt" | "evt" | "dsk"): string {
  return `${prefix}_${base64url(crypto.getRandomValues(new Uint8Array(16)))}`;
}

/** A bearer secret with `bits` of randomness (at least 128), e.g. a session link token or an API key body. */
export function newSecret(bits = 256): string {
  if (bits < 128 || bits % 8 !== 0) throw new RangeError("a secret needs at least 128 bits, in whole bytes");
  return base64url(crypto.getRandomValues(new Uint8Array(bits / 8)));
}

/** SHA-256 of a high-entropy secret: what is stored instead of the secret (a slow hash adds nothing at 256 bits). */
export async function secretHash(secret: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
}
