-- When the account row was last written (Django's auto_now "updated", which seed-000 clients read).
-- Existing rows get the latest time the database already knows about them; rows written by hand
-- (an operator's INSERT) get the time of their insert.
ALTER TABLE users ADD COLUMN updated_at timestamptz;
UPDATE users SET updated_at = greatest(date_joined, password_changed_at, coalesce(last_login, date_joined));
ALTER TABLE users ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT now();
