/**
 * The schema, as versioned migrations. Append only: never edit a migration that has shipped, add the next one.
 * Personal data lives only in `*_sealed` columns (AES-256-GCM, see data-key.ts); everything else is what a tombstone
 * may keep (ids, reference, status, timestamps, counters) or holds no personal data (webhook payloads carry ids and
 * statuses only).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "sessions, captures, api keys, webhook outbox",
    sql: `
      create table api_keys (
        id text primary key,
        name text not null unique,
        key_hash bytea not null unique,
        key_hint text not null,
        webhook_secret_sealed bytea not null,
        webhook_url text,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );

      create table sessions (
        id text primary key,
        api_key_id text references api_keys (id),
        reference text not null,
        status text not null check (status in
          ('created', 'in_progress', 'submitted', 'approved', 'rejected', 'retake_requested', 'expired')),
        token_hash bytea not null unique,
        redirect_url text,
        webhook_url text,
        locale text not null default 'en',
        max_reads integer not null,
        reads_used integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        expires_at timestamptz not null,
        opened_at timestamptz,
        submitted_at timestamptz,
        decided_at timestamptz,
        erased_at timestamptz,
        customer_confirmed boolean,
        submitted_capture_id text,
        document_number_index bytea
      );
      create index sessions_by_key on sessions (api_key_id, created_at desc, id desc);
      create index sessions_by_status on sessions (status, created_at, id);
      create index sessions_by_reference on sessions (reference);
      create index sessions_by_document_number on sessions (document_number_index);
      create index sessions_unerased on sessions (created_at) where erased_at is null;

      create table captures (
        id text primary key,
        session_id text not null references sessions (id) on delete cascade,
        created_at timestamptz not null default now(),
        media_type text,
        image_sealed bytea,
        result_sealed bytea,
        erased_at timestamptz
      );
      create index captures_by_session on captures (session_id, created_at);

      create table webhook_outbox (
        id text primary key,
        seq bigint generated always as identity,
        session_id text not null references sessions (id) on delete cascade,
        api_key_id text references api_keys (id),
        event_type text not null,
        payload jsonb not null,
        url text not null,
        created_at timestamptz not null default now(),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz,
        delivered_at timestamptz,
        failed_at timestamptz
      );
      create index webhook_outbox_due on webhook_outbox (next_attempt_at)
        where delivered_at is null and failed_at is null;
      create index webhook_outbox_by_session on webhook_outbox (session_id, seq);

      create table webhook_attempts (
        outbox_id text not null references webhook_outbox (id) on delete cascade,
        attempt integer not null,
        attempted_at timestamptz not null default now(),
        duration_ms integer not null,
        status_code integer,
        error text,
        primary key (outbox_id, attempt)
      );
    `,
  },
  {
    version: 2,
    name: "desk: agents, sign-in sessions, reviews, audit trail, cross-device handoff",
    sql: `
      create table agents (
        id text primary key,
        email text not null unique,
        role text not null check (role in ('agent', 'supervisor')),
        password_hash text not null,
        must_change_password boolean not null default true,
        failed_sign_ins integer not null default 0,
        locked_until timestamptz,
        created_at timestamptz not null default now(),
        disabled_at timestamptz
      );

      create table agent_sessions (
        id_hash bytea primary key,
        agent_id text not null references agents (id) on delete cascade,
        csrf_token text not null,
        created_at timestamptz not null,
        last_seen_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz
      );
      create index agent_sessions_by_agent on agent_sessions (agent_id);

      create table sign_in_failures (
        address_key text not null,
        at timestamptz not null
      );
      create index sign_in_failures_by_address on sign_in_failures (address_key, at);

      create table desk_settings (
        key text primary key,
        value jsonb not null,
        updated_at timestamptz not null default now(),
        updated_by text references agents (id)
      );

      alter table sessions
        add column claimed_by text references agents (id),
        add column claimed_at timestamptz,
        add column review_sealed bytea,
        add column review_version integer not null default 0,
        add column awaiting_second_review boolean not null default false,
        add column created_by_agent text references agents (id);
      create index sessions_by_claim on sessions (claimed_by);

      create table handoff_tokens (
        token_hash bytea primary key,
        session_id text not null references sessions (id) on delete cascade,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        redeemed_at timestamptz
      );
      create index handoff_tokens_by_session on handoff_tokens (session_id);

      create table audit_events (
        id text primary key,
        seq bigint generated always as identity,
        session_id text not null references sessions (id) on delete cascade,
        agent_id text references agents (id),
        actor text not null,
        at timestamptz not null,
        action text not null,
        detail_sealed bytea
      );
      create index audit_events_by_session on audit_events (session_id, seq);
    `,
  },
];
