package dev.gatehouse.application.service;

import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.domain.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The one reading of an access token beyond its signature: ours (issuer, audience), not expired, not
 * from the future, and naming a session that is live with its user active. Authentication, introspection
 * and revocation all ask it, so a token is never live for one and dead for another.
 */
final class AccessTokenCheck {
    /** Tolerated clock skew for {@code iat} between instances. */
    static final Duration SKEW = Duration.ofSeconds(30);

    record Live(AccessTokenClaims claims, SessionRepository.SessionOfUser session) {
    }

    private AccessTokenCheck() {
    }

    /** Signed by us, for us, unexpired: the claims, or empty. Says nothing about the session. */
    static Optional<AccessTokenClaims> claims(AccessTokenSigner signer, AuthSettings current, String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        return signer.verify(token).filter(claims -> current.issuer().equals(claims.issuer())
                && current.audience().equals(claims.audience()) && now.isBefore(claims.expiresAt())
                && !claims.issuedAt().isAfter(now.plus(SKEW)));
    }

    static Optional<SessionId> sessionId(AccessTokenClaims claims) {
        try {
            return claims.sessionId() == null ? Optional.empty() : Optional.of(new SessionId(UUID.fromString(claims.sessionId())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The claims and the live session they name, or empty. */
    static Optional<Live> live(AccessTokenSigner signer, SessionRepository sessions, AuthSettings current, String token,
                               Instant now) {
        return claims(signer, current, token, now).flatMap(claims -> sessionId(claims)
                .flatMap(sessions::findWithUser)
                .filter(found -> found.session().isActive(now) && found.user().isActive()
                        && found.user().id().toString().equals(claims.subject()))
                .map(found -> new Live(claims, found)));
    }
}
