package dev.gatehouse.domain.session;

import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One login on one device. It owns the refresh-token family: revoking the session kills every
 * token of the family at once, and an access token whose {@code sid} names a revoked session is
 * refused by this service even before it expires.
 */
public final class Session {
    public enum RevokeReason { LOGOUT, LOGOUT_ALL, PASSWORD_CHANGED, PASSWORD_RESET, TOKEN_REUSE, ADMIN, USER_REVOKED,
        /** the address's first proof: sessions opened before it may belong to whoever registered it first */
        EMAIL_VERIFIED, ROLE_CHANGED, ACCOUNT_DELETED, EMAIL_CHANGED,
        /** a second factor was turned on: sessions opened with the password alone end */
        MFA_ENABLED }

    private final SessionId id;
    private final UserId userId;
    private final Instant createdAt;
    private Instant lastUsedAt;
    private Instant expiresAt;
    private final ClientInfo client;
    private Instant revokedAt;
    private RevokeReason revokeReason;
    private final Assurance assurance;
    private final String clientId;
    private final String scope;

    /** The client id of Gatehouse's own API (first-party frontends), which OAuth clients from configuration sit beside. */
    public static final String FIRST_PARTY_CLIENT = "gatehouse-web";

    private Session(SessionId id, UserId userId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                    ClientInfo client, Instant revokedAt, RevokeReason revokeReason, Assurance assurance,
                    String clientId, String scope) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.client = client == null ? ClientInfo.UNKNOWN : client;
        this.revokedAt = revokedAt;
        this.revokeReason = revokeReason;
        this.assurance = assurance == null ? Assurance.PASSWORD : assurance;
        this.clientId = clientId == null ? FIRST_PARTY_CLIENT : clientId;
        this.scope = scope;
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must expire after it starts");
        }
    }

    public static Session start(SessionId id, UserId userId, Instant now, Duration lifetime, ClientInfo client) {
        return start(id, userId, now, lifetime, client, Assurance.PASSWORD, FIRST_PARTY_CLIENT, null);
    }

    /** A session for {@code clientId}, opened with {@code assurance}; {@code scope} is what the client asked for (or null). */
    public static Session start(SessionId id, UserId userId, Instant now, Duration lifetime, ClientInfo client,
                                Assurance assurance, String clientId, String scope) {
        return new Session(id, userId, now, now, now.plus(lifetime), client, null, null,
                Objects.requireNonNull(assurance, "assurance"), Objects.requireNonNull(clientId, "clientId"), scope);
    }

    public static Session reconstitute(SessionId id, UserId userId, Instant createdAt, Instant lastUsedAt,
                                       Instant expiresAt, ClientInfo client, Instant revokedAt, RevokeReason reason) {
        return reconstitute(id, userId, createdAt, lastUsedAt, expiresAt, client, revokedAt, reason,
                Assurance.PASSWORD, FIRST_PARTY_CLIENT, null);
    }

    public static Session reconstitute(SessionId id, UserId userId, Instant createdAt, Instant lastUsedAt,
                                       Instant expiresAt, ClientInfo client, Instant revokedAt, RevokeReason reason,
                                       Assurance assurance, String clientId, String scope) {
        return new Session(id, userId, createdAt, lastUsedAt, expiresAt, client, revokedAt, reason, assurance, clientId, scope);
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** A refresh extends the session to the new token's lifetime (sliding expiry). */
    public void touch(Instant now, Instant newExpiry) {
        if (revokedAt != null) {
            throw new IllegalStateException("a revoked session cannot be used");
        }
        this.lastUsedAt = now;
        this.expiresAt = newExpiry;
    }

    /** Idempotent: the first reason wins, so the audit trail says why the session really ended. */
    public void revoke(Instant now, RevokeReason reason) {
        if (revokedAt == null) {
            this.revokedAt = now;
            this.revokeReason = Objects.requireNonNull(reason, "reason");
        }
    }

    public SessionId id() { return id; }
    public UserId userId() { return userId; }
    public Instant createdAt() { return createdAt; }
    public Instant lastUsedAt() { return lastUsedAt; }
    public Instant expiresAt() { return expiresAt; }
    public ClientInfo client() { return client; }
    public Instant revokedAt() { return revokedAt; }
    public RevokeReason revokeReason() { return revokeReason; }
    public Assurance assurance() { return assurance; }
    public String clientId() { return clientId; }
    /** The OAuth scope granted with the session, or null when none was asked for. */
    public String scope() { return scope; }
}
