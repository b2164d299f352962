package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.user.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthenticateServiceTest {
    private final Fixture fx = new Fixture();
    private final AuthenticateService service = new AuthenticateService(fx.signer, fx.sessions, fx.source, fx.clock);
    private final User ann = fx.addUser("ann@example.com", "ann");
    private final IssuedTokens tokens = fx.startSession(ann);
    private final AccessTokenClaims claims = fx.signer.verify(tokens.access()).orElseThrow();

    private String signed(String issuer, String audience, Instant expiresAt, String subject) {
        return fx.signer.sign(new AccessTokenClaims(issuer, subject, audience, claims.issuedAt(), expiresAt,
                claims.jwtId(), claims.sessionId(), claims.role(), claims.emailVerified()));
    }

    private void assertRefused(String token) {
        assertThrows(TokenNotValidException.class, () -> service.authenticate(token));
    }

    @Test
    void acceptsAnIssuedTokenUntilJustBeforeItExpires() {
        fx.clock.advance(Fixture.ACCESS_TTL.minusMillis(1));
        Principal principal = service.authenticate(tokens.access());
        assertEquals(ann.id(), principal.user().id());
        assertEquals(tokens.sessionId(), principal.sessionId());
    }

    @Test
    void refusesAnExpiredToken() {
        fx.clock.advance(Fixture.ACCESS_TTL);
        assertRefused(tokens.access());
    }

    @Test
    void refusesAnotherIssuerOrAudience() {
        assertRefused(signed("https://evil.example", Fixture.AUDIENCE, claims.expiresAt(), claims.subject()));
        assertRefused(signed(Fixture.ISSUER, "other-api", claims.expiresAt(), claims.subject()));
    }

    @Test
    void refusesATokenWhoseSubjectIsNotTheSessionsUser() {
        User bob = fx.addUser("bob@example.com", "bob");
        assertRefused(signed(Fixture.ISSUER, Fixture.AUDIENCE, claims.expiresAt(), bob.id().toString()));
    }

    @Test
    void refusesATokenOfARevokedSession() {
        Session s = fx.sessions.get(tokens.sessionId());
        s.revoke(fx.clock.instant(), Session.RevokeReason.LOGOUT);
        fx.sessions.saveRevocation(s);
        assertRefused(tokens.access());
    }

    @Test
    void refusesATokenOfADisabledUser() {
        User stored = fx.users.get(ann.id());
        stored.deactivate();
        fx.users.update(stored);
        assertRefused(tokens.access());
    }
}
