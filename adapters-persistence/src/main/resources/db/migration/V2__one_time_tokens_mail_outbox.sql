-- Email-verification and password-reset tokens: hashes only, bound to a user and a purpose.
-- password_changed_at is the user's at issue time: a later password change makes the token dead.
CREATE TABLE one_time_tokens (
    token_hash          bytea        PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id             uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose             varchar(32)  NOT NULL,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL,
    password_changed_at timestamptz  NOT NULL,
    used_at             timestamptz
);
CREATE INDEX one_time_tokens_user_purpose_idx ON one_time_tokens (user_id, purpose);

-- The transactional outbox. parameters holds the template values sealed with AES-256-GCM (they can
-- carry a token link) and is erased once the mail is sent or given up.
CREATE TABLE mail_outbox (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template        varchar(64)  NOT NULL,
    recipient       varchar(254) NOT NULL,
    parameters      bytea,
    status          varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    attempts        integer      NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    next_attempt_at timestamptz  NOT NULL,
    locked_until    timestamptz,
    sent_at         timestamptz,
    last_error      varchar(500)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
