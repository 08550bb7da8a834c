/**
 * Whether a request carries the operator's token (`Authorization: Bearer <OPERATOR_TOKEN>`). Both sides are hashed
 * before comparing, so the comparison takes the same time whatever the guess (length included).
 */
export async function hasOperatorToken(authorization: string | undefined, token: string | undefined): Promise<boolean> {
  if (!token || !authorization) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1]) return false;
  const [given, wanted] = await Promise.all([digest(match[1]), digest(token)]);
  let difference = 0;
  for (let i = 0; i < wanted.length; i++) difference |= (given[i] ?? 0) ^ (wanted[i] ?? 0);
  return difference === 0;
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}
