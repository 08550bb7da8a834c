import type { DataKeys } from "../storage/data-key";
import type { Queryable } from "../storage/database";
import { newId, newSecret, secretHash } from "../storage/random-id";

/**
 * Integrators' API keys. A key (`pk_...`) is shown once when created; only its SHA-256 is stored. Each key has a
 * webhook signing secret in the Standard Webhooks format (`whsec_<base64>`), stored sealed since we must sign with it.
 */
export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the key, to tell keys apart in listings. */
  hint: string;
  webhookUrl: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface CreatedApiKey extends ApiKey {
  key: string;
  webhookSecret: string;
}

const KEY_PREFIX = "pk_";
const sealPlace = (id: string) => `api_key.webhook_secret:${id}`;

interface ApiKeyRow {
  id: string;
  name: string;
  key_hint: string;
  webhook_url: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  hint: row.key_hint,
  webhookUrl: row.webhook_url,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export class ApiKeyNameTaken extends Error {
  override readonly name = "ApiKeyNameTaken";
}

export async function createApiKey(
  db: Queryable,
  keys: DataKeys,
  input: { name: string; webhookUrl?: string | undefined },
): Promise<CreatedApiKey> {
  const existing = await db.query("select 1 from api_keys where name = $1", [input.name]);
  if (existing.length > 0) throw new ApiKeyNameTaken(`an API key named "${input.name}" exists already`);
  const id = newId("key");
  const key = `${KEY_PREFIX}${newSecret(256)}`;
  const secretBytes = crypto.getRandomValues(new Uint8Array(32));
  const webhookSecret = `whsec_${btoa(String.fromCharCode(...secretBytes))}`;
  const [row] = await db.query<ApiKeyRow>(
    `insert into api_keys (id, name, key_hash, key_hint, webhook_secret_sealed, webhook_url)
     values ($1, $2, $3, $4, $5, $6) returning *`,
    [
      id,
      input.name,
      await secretHash(key),
      `${key.slice(0, KEY_PREFIX.length + 6)}…`,
      await keys.seal(new TextEncoder().encode(webhookSecret), sealPlace(id)),
      input.webhookUrl ?? null,
    ],
  );
  return { ...toApiKey(row!), key, webhookSecret };
}

/** Revokes the key named `name`; false when there is no such active key. Its sessions stay, unreachable by API. */
export async function revokeApiKey(db: Queryable, name: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    "update api_keys set revoked_at = $2 where name = $1 and revoked_at is null returning id",
    [name, now],
  );
  return rows.length > 0;
}

export async function listApiKeys(db: Queryable): Promise<ApiKey[]> {
  const rows = await db.query<ApiKeyRow>("select * from api_keys order by created_at, name");
  return rows.map(toApiKey);
}

/** The active key a bearer token names, or null (unknown, malformed or revoked). */
export async function authenticateApiKey(db: Queryable, bearer: string): Promise<ApiKey | null> {
  if (!bearer.startsWith(KEY_PREFIX) || bearer.length > 200) return null;
  const rows = await db.query<ApiKeyRow>("select * from api_keys where key_hash = $1 and revoked_at is null", [
    await secretHash(bearer),
  ]);
  return rows[0] ? toApiKey(rows[0]) : null;
}

export async function webhookSecretOf(db: Queryable, keys: DataKeys, apiKeyId: string): Promise<string> {
  const [row] = await db.query<{ webhook_secret_sealed: Uint8Array }>(
    "select webhook_secret_sealed from api_keys where id = $1",
    [apiKeyId],
  );
  if (!row) throw new Error(`no API key ${apiKeyId}`);
  return new TextDecoder().decode(await keys.open(row.webhook_secret_sealed, sealPlace(apiKeyId)));
}
