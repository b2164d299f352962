-- Runtime-tunable settings: one row, read by every instance every few seconds.
CREATE TABLE runtime_settings (
    id                                smallint     PRIMARY KEY CHECK (id = 1),
    access_token_ttl_seconds          integer      NOT NULL,
    refresh_token_ttl_seconds         integer      NOT NULL,
    refresh_reuse_grace_seconds       integer      NOT NULL,
    verification_mode                 varchar(16)  NOT NULL,
    password_min_length               integer      NOT NULL,
    login_max_failures                integer      NOT NULL,
    lockout_seconds                   integer      NOT NULL,
    login_per_address_per_minute      integer      NOT NULL,
    mail_per_address_per_hour         integer      NOT NULL,
    mail_per_client_per_hour          integer      NOT NULL,
    token_guesses_per_client_per_hour integer      NOT NULL,
    registrations_per_client_per_hour integer      NOT NULL,
    version                           bigint       NOT NULL,
    updated_at                        timestamptz  NOT NULL,
    updated_by                        uuid
);

-- Fixed-window counters for rate limits and lockouts, shared by all instances.
CREATE TABLE rate_limits (
    key          varchar(400) PRIMARY KEY,
    window_start timestamptz  NOT NULL,
    window_end   timestamptz  NOT NULL,
    hits         integer      NOT NULL
);
CREATE INDEX rate_limits_window_end_idx ON rate_limits (window_end);

-- Security events.
CREATE TABLE audit_events (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    type        varchar(40)  NOT NULL,
    user_id     uuid,
    actor_id    uuid,
    ip          varchar(64),
    detail      varchar(1000)
);
CREATE INDEX audit_events_user_idx ON audit_events (user_id, id DESC);
CREATE INDEX audit_events_type_idx ON audit_events (type, id DESC);
