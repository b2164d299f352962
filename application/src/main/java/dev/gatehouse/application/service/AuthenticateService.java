package dev.gatehouse.application.service;

import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.domain.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

public final class AuthenticateService implements AuthenticateUseCase {
    /** Tolerated clock skew for {@code iat} between instances. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final AccessTokenSigner signer;
    private final SessionRepository sessions;
    private final SettingsSource settings;
    private final Clock clock;

    public AuthenticateService(AccessTokenSigner signer, SessionRepository sessions, SettingsSource settings, Clock clock) {
        this.signer = signer;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(String accessToken) {
        if (accessToken == null || accessToken.isEmpty() || accessToken.length() > 4096) {
            throw new TokenNotValidException();
        }
        AccessTokenClaims claims = signer.verify(accessToken).orElseThrow(TokenNotValidException::new);
        Instant now = clock.instant();
        AuthSettings current = settings.current();
        if (!current.issuer().equals(claims.issuer()) || !current.audience().equals(claims.audience())
                || !now.isBefore(claims.expiresAt()) || claims.issuedAt().isAfter(now.plus(SKEW))) {
            throw new TokenNotValidException();
        }
        SessionId sessionId;
        try {
            sessionId = new SessionId(UUID.fromString(claims.sessionId()));
        } catch (IllegalArgumentException e) {
            throw new TokenNotValidException();
        }
        SessionRepository.SessionOfUser found = sessions.findWithUser(sessionId).orElseThrow(TokenNotValidException::new);
        if (!found.session().isActive(now) || !found.user().isActive()
                || !found.user().id().toString().equals(claims.subject())) {
            throw new TokenNotValidException();
        }
        return new Principal(found.user(), sessionId);
    }
}
