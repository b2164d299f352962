-- How a session was opened and for whom, so that every access token refreshed from it carries the
-- same amr/aal (RFC 8176, NIST 800-63B) and RFC 9068 client_id/scope as the first one.
-- Sessions that exist already were opened by a password at the first-party API.
ALTER TABLE sessions
    ADD COLUMN amr       text NOT NULL DEFAULT 'pwd',
    ADD COLUMN aal       text NOT NULL DEFAULT 'aal1' CHECK (aal IN ('aal1', 'aal2')),
    ADD COLUMN client_id text NOT NULL DEFAULT 'gatehouse-web',
    ADD COLUMN scope     text;
