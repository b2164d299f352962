-- What a pending MFA login passed before the code: a password ('pwd') or an identity provider's word ('fed'),
-- so that the session it opens says ["pwd","otp"] or ["fed","otp"]. Pending logins of before were passwords.
ALTER TABLE mfa_challenges ADD COLUMN first_factor text NOT NULL DEFAULT 'pwd' CHECK (first_factor IN ('pwd', 'fed'));
