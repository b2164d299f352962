package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.AuthSettings;
import java.time.Duration;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.session.RefreshToken;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.shared.Uuid7;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.security.SecureRandom;
import java.time.Instant;

/** Starts sessions and mints access tokens: the one place that decides what a token pair holds. */
public final class SessionIssuer {
    /** A session stored in the current transaction, with the refresh token to show once. */
    public record StartedSession(Session session, OpaqueToken refresh, Instant refreshExpiresAt) {
        public SessionId sessionId() {
            return session.id();
        }
    }

    private final SessionRepository sessions;
    private final AccessTokenSigner signer;
    private final SettingsSource settings;
    private final SecureRandom random = new SecureRandom();

    public SessionIssuer(SessionRepository sessions, AccessTokenSigner signer, SettingsSource settings) {
        this.sessions = sessions;
        this.signer = signer;
        this.settings = settings;
    }

    /** Stores a new password session at the first-party API; call inside the use case's transaction. */
    public StartedSession start(User user, ClientInfo client, Instant now) {
        return start(user, client, now, Assurance.PASSWORD, Session.FIRST_PARTY_CLIENT, null);
    }

    /**
     * Stores a new session and its first refresh token; call inside the use case's transaction. The
     * session remembers how the user signed in and for which client, so every token refreshed from it says so too.
     */
    public StartedSession start(User user, ClientInfo client, Instant now, Assurance assurance, String clientId, String scope) {
        SessionId id = SessionId.newId(now);
        Duration lifetime = settings.current().refreshTokenTtl();
        Session session = Session.start(id, user.id(), now, lifetime, client, assurance, clientId, scope);
        OpaqueToken refresh = OpaqueToken.generate(random);
        RefreshToken first = RefreshToken.issue(refresh.hash(), id, now, lifetime);
        sessions.insert(session, first);
        return new StartedSession(session, refresh, first.expiresAt());
    }

    /** Signs after the commit: CPU work has no business holding a database transaction open. */
    public IssuedTokens tokens(User user, Session session, OpaqueToken refresh, Instant refreshExpiresAt, Instant now) {
        AuthSettings current = settings.current();
        Instant expiresAt = now.plus(current.accessTokenTtl());
        Assurance assurance = session.assurance();
        AccessTokenClaims claims = new AccessTokenClaims(current.issuer(), user.id().toString(), current.audience(),
                now, expiresAt, Uuid7.at(now).toString(), session.id().toString(), user.role().code(), user.isEmailVerified(),
                assurance.amr(), assurance.level().code(), session.clientId(), session.scope());
        return new IssuedTokens(signer.sign(claims), expiresAt, refresh.value(), refreshExpiresAt, session.id(),
                session.clientId(), session.scope());
    }

    public IssuedTokens tokens(User user, StartedSession started, Instant now) {
        return tokens(user, started.session(), started.refresh(), started.refreshExpiresAt(), now);
    }
}
