-- Second factors (issue 12, TOTP half): each user's authenticator app, its recovery codes, and the
-- logins that got the password right and wait for a code.
--
-- The TOTP secret must be read back to check codes, so it is sealed (AES-256-GCM under a key derived
-- from AUTH_MASTER_KEY, bound to the user id), never stored in the clear. last_used_step is the last
-- RFC 6238 time step whose code was accepted: no code of that step or an earlier one works again.
CREATE TABLE mfa_totp (
    user_id         uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret          bytea       NOT NULL,
    activation_hash bytea,
    created_at      timestamptz NOT NULL,
    confirmed_at    timestamptz,
    last_used_step  bigint,
    last_used_at    timestamptz
);

-- Only SHA-256 hashes of the codes (60 random bits each), each spent once.
CREATE TABLE mfa_recovery_codes (
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- A pending login, by the SHA-256 of its mfa_token; bound to the password in force when it was opened.
CREATE TABLE mfa_challenges (
    token_hash          bytea PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_changed_at timestamptz NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    failures            integer     NOT NULL DEFAULT 0
);
CREATE INDEX mfa_challenges_user_idx ON mfa_challenges (user_id);
CREATE INDEX mfa_challenges_expiry_idx ON mfa_challenges (expires_at);
