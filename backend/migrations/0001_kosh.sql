-- Kosh on PostgreSQL: everything the server keeps, so that any number of server processes can
-- share one database. Records the server only hands back whole are JSON (jsonb); what is
-- looked up, unique or locked is a column of its own. Applied at start by the server
-- (sqlx's migrator, which records it in _sqlx_migrations and takes an advisory lock, so two
-- processes starting together apply it once).

CREATE TABLE users (
    id text PRIMARY KEY,
    -- the email as the server compares it (trimmed, lower case): unique across processes
    email_key text NOT NULL UNIQUE,
    record jsonb NOT NULL
);

-- A login (a refresh-token family); its row is what reuse detection revokes.
CREATE TABLE logins (
    family text PRIMARY KEY,
    user_id text NOT NULL,
    revoked boolean NOT NULL DEFAULT false
);

-- Refresh tokens under the hash of their value; rotation locks the row, so of two processes
-- presenting one token at once, one rotates and the other sees it used.
CREATE TABLE refresh_tokens (
    hash text PRIMARY KEY,
    family text NOT NULL REFERENCES logins (family),
    user_id text NOT NULL,
    used boolean NOT NULL DEFAULT false,
    expires_at timestamptz NOT NULL
);

-- Each user's op log: its last sequence number. A push locks this row first, which orders a
-- user's pushes across processes and gives their ops consecutive numbers.
CREATE TABLE logs (
    user_id text PRIMARY KEY,
    head bigint NOT NULL
);

CREATE TABLE oplog (
    user_id text NOT NULL,
    seq bigint NOT NULL,
    -- idempotency: an op id is logged once per user
    op_id text NOT NULL,
    device text NOT NULL,
    clamped boolean NOT NULL,
    op jsonb NOT NULL,
    PRIMARY KEY (user_id, seq),
    UNIQUE (user_id, op_id)
);

CREATE TABLE drafts (
    id text PRIMARY KEY,
    owner text NOT NULL,
    form_id text NOT NULL,
    form_version integer NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX drafts_by_owner ON drafts (owner);

-- One register per answered question, so a push reads and writes only what it touches.
CREATE TABLE cells (
    draft_id text NOT NULL REFERENCES drafts (id),
    field text NOT NULL,
    cell jsonb NOT NULL,
    PRIMARY KEY (draft_id, field)
);

CREATE TABLE applications (
    id text PRIMARY KEY,
    owner text NOT NULL,
    idempotency_key text NOT NULL,
    submitted_at timestamptz NOT NULL,
    record jsonb NOT NULL,
    UNIQUE (owner, idempotency_key)
);
CREATE INDEX applications_by_time ON applications (submitted_at);

CREATE TABLE contracts (
    user_id text PRIMARY KEY,
    record jsonb NOT NULL
);

-- Published policy bundles (kind 'policy', version 0) and form versions (kind 'form'), as the
-- exact text the loader accepted (its ETag is computed from it).
CREATE TABLE reference (
    kind text NOT NULL CHECK (kind IN ('policy', 'form')),
    id text NOT NULL,
    version integer NOT NULL,
    body text NOT NULL,
    PRIMARY KEY (kind, id, version)
);
