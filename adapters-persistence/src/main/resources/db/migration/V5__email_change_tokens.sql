-- An email-change link names the address it proves; null for verification and reset tokens.
ALTER TABLE one_time_tokens ADD COLUMN new_email varchar(254);
