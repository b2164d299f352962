-- Identities at outside providers (OpenID Connect, OAuth 2.0) linked to users. Found by (provider, subject)
-- only; the email is what the provider last said, for display.
CREATE TABLE identities (
    id         uuid PRIMARY KEY,
    user_id    uuid          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider   varchar(64)   NOT NULL,
    subject    varchar(255)  NOT NULL,
    email      varchar(254),
    created_at timestamptz   NOT NULL,
    last_login timestamptz,
    CONSTRAINT identities_provider_subject_key UNIQUE (provider, subject)
);
CREATE INDEX identities_user_idx ON identities (user_id, created_at);

-- Browser flows under way: keyed by the SHA-256 of state (a bearer secret until the callback); the PKCE
-- verifier and nonce are sealed (AES-256-GCM). Short-lived, deleted when taken.
CREATE TABLE oauth_authorizations (
    state_hash  bytea        PRIMARY KEY CHECK (octet_length(state_hash) = 32),
    provider    varchar(64)  NOT NULL,
    redirect_to text         NOT NULL,
    intent      varchar(16)  NOT NULL CHECK (intent IN ('LOGIN', 'CONNECT')),
    secrets     bytea        NOT NULL,
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL
);
CREATE INDEX oauth_authorizations_expiry_idx ON oauth_authorizations (expires_at);

-- The one-time codes a finished flow hands to the frontend, keyed by their SHA-256. A sign-in code names the
-- user; a connection code carries the provider's identity, sealed, until the signed-in caller presents it.
CREATE TABLE oauth_codes (
    code_hash  bytea        PRIMARY KEY CHECK (octet_length(code_hash) = 32),
    intent     varchar(16)  NOT NULL CHECK (intent IN ('LOGIN', 'CONNECT')),
    provider   varchar(64)  NOT NULL,
    user_id    uuid         REFERENCES users (id) ON DELETE CASCADE,
    identity   bytea,
    -- the frontend's own PKCE S256 challenge: the code is redeemed only with its verifier
    client_challenge varchar(64),
    created_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    CONSTRAINT oauth_codes_payload CHECK ((intent = 'LOGIN') = (user_id IS NOT NULL) AND (intent = 'CONNECT') = (identity IS NOT NULL))
);
CREATE INDEX oauth_codes_expiry_idx ON oauth_codes (expires_at);
