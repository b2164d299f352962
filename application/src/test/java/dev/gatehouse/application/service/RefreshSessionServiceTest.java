package dev.gatehouse.application.service;

import static dev.gatehouse.application.fakes.Fixture.GRACE;
import static dev.gatehouse.application.fakes.Fixture.REFRESH_TTL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.TokenReusedException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.RefreshToken;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshSessionServiceTest {
    private final Fixture fx = new Fixture();
    private final RefreshSessionService service =
            new RefreshSessionService(fx.sessions, fx.issuer, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit);
    private final User ann = fx.addUser("ann@example.com", "ann");
    private final IssuedTokens first = fx.startSession(ann);

    private RefreshToken stored(String token) {
        return fx.sessions.token(OpaqueToken.parse(token).orElseThrow().hash()).orElseThrow();
    }

    private Session session() {
        return fx.sessions.get(first.sessionId());
    }

    private AuthenticatedUser refreshAfter(Duration wait, String token) {
        fx.clock.advance(wait);
        return service.refresh(token);
    }

    @Test
    void rotationSpendsTheTokenAndIssuesAnotherForTheSameSession() {
        AuthenticatedUser rotated = refreshAfter(Duration.ofMinutes(1), first.refresh());
        Instant now = fx.clock.instant();
        IssuedTokens next = rotated.tokens();

        assertNotEquals(first.refresh(), next.refresh());
        assertEquals(first.sessionId(), next.sessionId());
        assertEquals(ann.id(), rotated.user().id());
        assertEquals(now, stored(first.refresh()).spentAt());
        assertFalse(stored(next.refresh()).isSpent());
        assertEquals(now.plus(REFRESH_TTL), next.refreshExpiresAt());
        assertEquals(now, session().lastUsedAt());
        assertEquals(now.plus(REFRESH_TTL), session().expiresAt());
        assertEquals(first.sessionId().toString(), fx.signer.verify(next.access()).orElseThrow().sessionId());
    }

    @Test
    void aReplayWithinGraceGetsTheSameSuccessor() {
        IssuedTokens next = refreshAfter(Duration.ofMinutes(1), first.refresh()).tokens();
        IssuedTokens replayed = refreshAfter(GRACE, first.refresh()).tokens();

        assertEquals(next.refresh(), replayed.refresh());
        assertEquals(next.refreshExpiresAt(), replayed.refreshExpiresAt());
        assertFalse(stored(next.refresh()).isSpent());
        assertNull(session().revokedAt());
    }

    @Test
    void aReplayAfterGraceRevokesTheSessionAndTheRevocationSticks() {
        IssuedTokens next = refreshAfter(Duration.ofMinutes(1), first.refresh()).tokens();
        fx.clock.advance(GRACE.plusMillis(1));

        assertThrows(TokenReusedException.class, () -> service.refresh(first.refresh()));

        assertEquals(Session.RevokeReason.TOKEN_REUSE, session().revokeReason());
        assertEquals(fx.clock.instant(), session().revokedAt());
        assertEquals(0, fx.transactions.rolledBack);
        assertThrows(TokenNotValidException.class, () -> service.refresh(next.refresh()), "the whole family is dead");
    }

    @Test
    void anExpiredTokenIsNotValid() {
        fx.clock.advance(REFRESH_TTL);
        assertThrows(TokenNotValidException.class, () -> service.refresh(first.refresh()));
        assertFalse(stored(first.refresh()).isSpent());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "not a token at all", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedOrUnknownTokensAreNotValid(String presented) {
        assertThrows(TokenNotValidException.class, () -> service.refresh(presented));
        assertNull(session().revokedAt());
    }

    @Test
    void aRevokedSessionCannotBeRefreshed() {
        Session s = session();
        s.revoke(fx.clock.instant(), Session.RevokeReason.LOGOUT);
        fx.sessions.saveRevocation(s);

        assertThrows(TokenNotValidException.class, () -> refreshAfter(Duration.ofSeconds(1), first.refresh()));
        assertFalse(stored(first.refresh()).isSpent());
        assertEquals(Session.RevokeReason.LOGOUT, session().revokeReason());
    }

    @Test
    void aReplayWithinGraceIsRefusedOnceTheSuccessorItselfWasSpent() {
        IssuedTokens second = refreshAfter(Duration.ofMinutes(1), first.refresh()).tokens();
        IssuedTokens third = refreshAfter(Duration.ofSeconds(1), second.refresh()).tokens();

        assertThrows(TokenNotValidException.class, () -> refreshAfter(Duration.ofSeconds(1), first.refresh()));

        assertNull(session().revokedAt());
        assertEquals(0, fx.sessions.revocationsSaved);
        assertTrue(session().isActive(fx.clock.instant()));
        assertFalse(stored(third.refresh()).isSpent());
    }

    @Test
    void aReuseTellsTheOwnerAndTheNoticeOutlivesTheRefusal() {
        refreshAfter(Duration.ofMinutes(1), first.refresh());
        fx.clock.advance(GRACE.plusMillis(1));

        assertThrows(TokenReusedException.class, () -> service.refresh(first.refresh()));

        assertEquals(0, fx.transactions.rolledBack);
        MailMessage notice = fx.outbox.enqueued().getFirst();
        assertEquals(1, fx.outbox.enqueued().size());
        assertEquals(MailMessage.Template.REFRESH_TOKEN_REUSED, notice.template());
        assertEquals(ann.email(), notice.to());
        MailMessage.SECRET_PARAMETERS.forEach(secret -> assertFalse(notice.parameters().containsKey(secret)));
    }

    @Test
    void refreshesThatDetectNoReuseOweNoMail() {
        IssuedTokens next = refreshAfter(Duration.ofMinutes(1), first.refresh()).tokens();
        refreshAfter(GRACE, first.refresh());
        refreshAfter(Duration.ofMinutes(1), next.refresh());
        assertThrows(TokenNotValidException.class, () -> service.refresh("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        assertEquals(List.of(), fx.outbox.enqueued());
    }

    @Test
    void aTokenPresentedForAnotherClientIsNotValidAndLeftAsItWas() {
        assertThrows(TokenNotValidException.class, () -> service.refresh(first.refresh(), "another-client"));
        assertFalse(stored(first.refresh()).isSpent(), "neither spent nor taken for reuse");
        assertNull(session().revokedAt());
        IssuedTokens next = service.refresh(first.refresh(), Session.FIRST_PARTY_CLIENT).tokens();
        assertEquals(Session.FIRST_PARTY_CLIENT, next.clientId());
    }
}
