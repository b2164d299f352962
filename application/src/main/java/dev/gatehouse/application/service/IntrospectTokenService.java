package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.IntrospectTokenUseCase;
import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.domain.session.RefreshToken;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class IntrospectTokenService implements IntrospectTokenUseCase {
    private final AccessTokenSigner signer;
    private final SessionRepository sessions;
    private final SettingsSource settings;
    private final Clock clock;

    public IntrospectTokenService(AccessTokenSigner signer, SessionRepository sessions, SettingsSource settings, Clock clock) {
        this.signer = signer;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Introspection introspect(String token, TokenType typeHint) {
        if (token == null || token.isEmpty()) {
            return Introspection.INACTIVE;
        }
        Instant now = clock.instant();
        AuthSettings current = settings.current();
        // A JWT has two dots and a refresh token none: the shape decides, so a wrong hint costs nothing.
        boolean looksLikeJwt = token.chars().filter(c -> c == '.').count() == 2;
        return looksLikeJwt ? access(token, current, now) : refresh(token, current, now);
    }

    private Introspection access(String token, AuthSettings current, Instant now) {
        return AccessTokenCheck.live(signer, sessions, current, token, now).map(live -> {
            AccessTokenClaims c = live.claims();
            return new Introspection(true, TokenType.ACCESS_TOKEN, c.subject(), username(live.session().user()), c.clientId(),
                    c.scope(), c.issuedAt(), c.expiresAt(), c.issuer(), c.audience(), c.jwtId(), c.sessionId());
        }).orElse(Introspection.INACTIVE);
    }

    /** Live means it could be rotated now: unspent, unexpired, its session live and its user active. */
    private Introspection refresh(String token, AuthSettings current, Instant now) {
        Optional<OpaqueToken> parsed = OpaqueToken.parse(token);
        if (parsed.isEmpty()) {
            return Introspection.INACTIVE;
        }
        Optional<RefreshToken> found = sessions.findRefreshToken(parsed.get().hash())
                .filter(t -> !t.isSpent() && now.isBefore(t.expiresAt()));
        if (found.isEmpty()) {
            return Introspection.INACTIVE;
        }
        RefreshToken refresh = found.get();
        return sessions.findWithUser(refresh.sessionId())
                .filter(s -> s.session().isActive(now) && s.user().isActive())
                .map(s -> {
                    Session session = s.session();
                    return new Introspection(true, TokenType.REFRESH_TOKEN, s.user().id().toString(), username(s.user()),
                            session.clientId(), session.scope(), refresh.issuedAt(), refresh.expiresAt(), current.issuer(),
                            current.audience(), null, session.id().toString());
                }).orElse(Introspection.INACTIVE);
    }

    private static String username(User user) {
        return user.username() == null ? user.email().value() : user.username().value();
    }
}
