-- WebAuthn credentials. credential_data is the authenticator's attested credential data (AAGUID, credential
-- id, COSE public key) as registered: public material, needed to verify every later assertion.
CREATE TABLE passkeys (
    id                 uuid         PRIMARY KEY,
    user_id            uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id      bytea        NOT NULL CHECK (octet_length(credential_id) BETWEEN 1 AND 1023),
    credential_data    bytea        NOT NULL,
    transports         varchar(200) NOT NULL DEFAULT '',
    backup_eligible    boolean      NOT NULL,
    backed_up          boolean      NOT NULL,
    uv_initialized     boolean      NOT NULL,
    sign_count         bigint       NOT NULL CHECK (sign_count BETWEEN 0 AND 4294967295),
    name               varchar(64)  NOT NULL,
    created_at         timestamptz  NOT NULL,
    last_used_at       timestamptz,
    CONSTRAINT passkeys_credential_id_key UNIQUE (credential_id)
);
CREATE INDEX passkeys_user_idx ON passkeys (user_id, created_at);

-- Outstanding ceremony challenges, by the SHA-256 of the challenge: the browser's answer carries the
-- challenge, so any instance can finish a ceremony another began. Deleted when used or expired.
-- user_id has no foreign key on purpose: a sign-in by an unknown email is bound to an id no account has,
-- so that its answer looks like any other and nothing can finish it.
CREATE TABLE passkey_challenges (
    challenge_hash bytea       PRIMARY KEY CHECK (octet_length(challenge_hash) = 32),
    ceremony       varchar(20) NOT NULL,
    user_id        uuid,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX passkey_challenges_expiry_idx ON passkey_challenges (expires_at);
