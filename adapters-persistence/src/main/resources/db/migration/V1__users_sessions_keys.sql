-- Users. The *_canonical columns hold the case-folded forms computed by the application, so
-- uniqueness and look-ups do not depend on the database's locale.
CREATE TABLE users (
    id                  uuid PRIMARY KEY,
    email               varchar(254)  NOT NULL,
    email_canonical     varchar(254)  NOT NULL,
    username            varchar(150),
    username_canonical  varchar(600),
    first_name          varchar(150)  NOT NULL DEFAULT '',
    last_name           varchar(150)  NOT NULL DEFAULT '',
    phone_number        varchar(32),
    avatar              varchar(2048),
    role                varchar(32)   NOT NULL,
    is_active           boolean       NOT NULL,
    email_verified      boolean       NOT NULL,
    password_hash       varchar(512)  NOT NULL,
    password_changed_at timestamptz   NOT NULL,
    date_joined         timestamptz   NOT NULL,
    last_login          timestamptz,
    CONSTRAINT users_username_pair CHECK ((username IS NULL) = (username_canonical IS NULL))
);
CREATE UNIQUE INDEX users_email_canonical_key ON users (email_canonical);
CREATE UNIQUE INDEX users_username_canonical_key ON users (username_canonical) WHERE username_canonical IS NOT NULL;

-- A session is one login on one device and owns its refresh-token family.
CREATE TABLE sessions (
    id            uuid PRIMARY KEY,
    user_id       uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz  NOT NULL,
    last_used_at  timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL,
    user_agent    varchar(512),
    ip            varchar(64),
    revoked_at    timestamptz,
    revoke_reason varchar(32),
    CONSTRAINT sessions_revocation_pair CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE INDEX sessions_user_live_idx ON sessions (user_id, created_at DESC) WHERE revoked_at IS NULL;

-- Refresh tokens are stored only as SHA-256 hashes; a spent token stays to detect reuse.
CREATE TABLE refresh_tokens (
    token_hash  bytea        PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    session_id  uuid         NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at   timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    spent_at    timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Token signing keys, private halves encrypted (AES-256-GCM) with the master key.
CREATE TABLE signing_keys (
    kid             varchar(64)  PRIMARY KEY,
    algorithm       varchar(16)  NOT NULL,
    public_jwk      text         NOT NULL,
    private_key_enc bytea        NOT NULL,
    created_at      timestamptz  NOT NULL,
    retired_at      timestamptz
);
