package dev.gatehouse.domain.audit;

import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A security-relevant fact, kept for operators and auditors. {@code detail} is a short, plain
 * description written by the service (never a password, a token or a hash).
 *
 * @param user  whom it concerns, if anyone
 * @param actor who did it, when not the user themself (an administrator)
 */
public record AuditEvent(long id, Instant occurredAt, Type type, UserId user, UserId actor, String ip, String detail) {
    public static final int MAX_DETAIL = 1000;

    public enum Type {
        REGISTRATION, LOGIN_SUCCESS, LOGIN_FAILURE, LOCKOUT, RATE_LIMITED, EMAIL_VERIFIED, PASSWORD_CHANGED,
        PASSWORD_RESET_REQUESTED, PASSWORD_RESET, TOKEN_REUSE, LOGOUT_ALL, SESSION_REVOKED,
        ADMIN_USER_UPDATED, ADMIN_LOGOUT, ADMIN_CREATED, KEY_ROTATED, SETTINGS_CHANGED,
        ACCOUNT_DELETED, EMAIL_CHANGE_REQUESTED, EMAIL_CHANGED,
        PASSKEY_ADDED, PASSKEY_RENAMED, PASSKEY_REMOVED, PASSKEY_COUNTER_REGRESSED,
        MFA_ENABLED, MFA_DISABLED, MFA_VERIFY_FAILURE, MFA_RECOVERY_CODES_REGENERATED, MFA_RESET,
        ADMIN_MAIL_RETRIED,
        // Social login (an outside identity provider).
        SOCIAL_LOGIN_SUCCESS, SOCIAL_LOGIN_FAILURE, IDENTITY_LINKED, IDENTITY_UNLINKED
    }

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
    }

    public static AuditEvent of(Instant at, Type type, UserId user, UserId actor, String ip, String detail) {
        return new AuditEvent(0, at, type, user, actor, ip, detail);
    }
}
