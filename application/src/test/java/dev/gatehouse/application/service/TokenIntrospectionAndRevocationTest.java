package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.IntrospectTokenUseCase.Introspection;
import dev.gatehouse.application.port.in.IntrospectTokenUseCase.TokenType;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.RevokeTokenUseCase.RevokeTokenCommand;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 7662 and RFC 7009 over the session model: what is live, and who may end it. */
class TokenIntrospectionAndRevocationTest {
    private final Fixture fx = new Fixture();
    private final IntrospectTokenService introspect = new IntrospectTokenService(fx.signer, fx.sessions, fx.source, fx.clock);
    private final RevokeTokenService revoke = new RevokeTokenService(fx.signer, fx.sessions, fx.transactions, fx.source, fx.audit, fx.clock);
    private final RefreshSessionService refresh =
            new RefreshSessionService(fx.sessions, fx.issuer, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit);
    private final User ann = fx.addUser("ann@example.com", "ann");
    private final IssuedTokens tokens = fx.startSession(ann);

    @Test
    void aLiveAccessTokenIsActiveWithItsFacts() {
        Introspection facts = introspect.introspect(tokens.access(), null);
        assertTrue(facts.active());
        assertEquals(TokenType.ACCESS_TOKEN, facts.tokenType());
        assertEquals(ann.id().toString(), facts.subject());
        assertEquals("ann", facts.username());
        assertEquals(tokens.sessionId().toString(), facts.sessionId());
        assertEquals(tokens.accessExpiresAt(), facts.expiresAt());
    }

    @Test
    void anExpiredOrForgedAccessTokenIsInactive() {
        assertFalse(introspect.introspect(tokens.access() + "x", null).active());
        fx.clock.advance(Fixture.ACCESS_TTL);
        assertEquals(Introspection.INACTIVE, introspect.introspect(tokens.access(), TokenType.ACCESS_TOKEN));
    }

    @Test
    void aRefreshTokenIsActiveUntilItIsSpent() {
        Introspection facts = introspect.introspect(tokens.refresh(), TokenType.REFRESH_TOKEN);
        assertTrue(facts.active());
        assertEquals(TokenType.REFRESH_TOKEN, facts.tokenType());
        assertEquals(Session.FIRST_PARTY_CLIENT, facts.clientId());
        fx.clock.advance(Duration.ofSeconds(1));
        refresh.refresh(tokens.refresh());
        assertFalse(introspect.introspect(tokens.refresh(), null).active(), "spent: it can no longer be rotated");
        assertEquals(Introspection.INACTIVE, introspect.introspect("not a token", null));
    }

    @Test
    void revokingTheRefreshTokenKillsTheAccessTokenAtOnce() {
        revoke.revoke(new RevokeTokenCommand(tokens.refresh(), Session.FIRST_PARTY_CLIENT));
        assertFalse(introspect.introspect(tokens.access(), null).active());
        assertFalse(introspect.introspect(tokens.refresh(), null).active());
        assertEquals(Session.RevokeReason.LOGOUT, fx.sessions.get(tokens.sessionId()).revokeReason());
        assertTrue(fx.audit.events().stream().anyMatch(e -> e.type() == AuditEvent.Type.SESSION_REVOKED));
    }

    @Test
    void revokingByAccessTokenEndsTheSessionToo() {
        revoke.revoke(new RevokeTokenCommand(tokens.access(), Session.FIRST_PARTY_CLIENT));
        assertFalse(introspect.introspect(tokens.refresh(), null).active());
    }

    @Test
    void anotherClientCannotRevokeAndUnknownTokensAreFine() {
        revoke.revoke(new RevokeTokenCommand(tokens.refresh(), "someone-else"));
        revoke.revoke(new RevokeTokenCommand(tokens.access(), "someone-else"));
        revoke.revoke(new RevokeTokenCommand("unknown", Session.FIRST_PARTY_CLIENT));
        assertTrue(introspect.introspect(tokens.access(), null).active());
        assertTrue(fx.sessions.get(tokens.sessionId()).isActive(fx.clock.instant()));
    }
}
