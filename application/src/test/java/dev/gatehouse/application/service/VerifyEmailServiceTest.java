package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.Redeemed;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.mail.MailMessage.Template;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyEmailServiceTest {
    private final Fixture fx = new Fixture(VerificationMode.MANDATORY);
    private final VerifyEmailService service =
            new VerifyEmailService(fx.oneTimeTokens, fx.users, fx.sessions, fx.issuer, fx.transactions, fx.clock, fx.audit, fx.throttle,
                fx.secondFactors);
    private final User ann = fx.addUser("ann@example.com", "ann");

    private String mailedToken() {
        fx.mail.verificationLink(ann, fx.clock.instant());
        return fx.lastToken(Template.VERIFY_EMAIL);
    }

    private OneTimeToken stored(String token) {
        return fx.oneTimeTokens.find(TokenHash.of(token)).orElseThrow();
    }

    private AuthenticatedUser verify(String token) {
        return service.verifyEmail(new VerifyEmailCommand(token, ClientInfo.UNKNOWN, SignIn.START_SESSION)).authenticated();
    }

    /** Nothing was spent, verified, or started. */
    private void assertUnchanged() {
        User stored = fx.users.get(ann.id());
        assertFalse(stored.isEmailVerified());
        assertNull(stored.lastLogin());
        assertEquals(0, fx.sessions.count());
    }

    @Test
    void withoutSignInTheAddressIsVerifiedAndNoSessionIsOpened() {
        String token = mailedToken();
        IssuedTokens earlier = fx.startSession(ann);

        Redeemed redeemed = service.verifyEmail(new VerifyEmailCommand(token, ClientInfo.UNKNOWN, SignIn.NO_SESSION));

        assertTrue(redeemed.tokens().isEmpty(), "no tokens when none were asked for");
        assertTrue(fx.users.get(ann.id()).isEmailVerified());
        assertNull(fx.users.get(ann.id()).lastLogin(), "spending a link without signing in is no login");
        assertEquals(1, fx.sessions.count(), "only the earlier session exists");
        assertNotNull(fx.sessions.get(earlier.sessionId()).revokedAt(), "and the first proof still ends it");
        assertThrows(IllegalStateException.class, redeemed::authenticated);
    }

    @Test
    void everyAttemptCountsAsATokenGuessOfTheClientEvenWithAGoodToken() {
        ClientInfo client = new ClientInfo("test", "203.0.113.9");
        int limit = dev.gatehouse.application.settings.RateLimits.DEFAULT.tokenGuessesPerClientPerHour();
        for (int i = 0; i < limit; i++) {
            assertThrows(TokenNotValidException.class,
                    () -> service.verifyEmail(new VerifyEmailCommand("guess", client, SignIn.NO_SESSION)));
        }
        String token = mailedToken();
        assertThrows(dev.gatehouse.application.error.RateLimitedException.class,
                () -> service.verifyEmail(new VerifyEmailCommand(token, client, SignIn.START_SESSION)));
        assertFalse(fx.users.get(ann.id()).isEmailVerified(), "a refused attempt spends nothing");
        assertNull(stored(token).usedAt());
    }

    @Test
    void aValidTokenVerifiesTheAddressAndLogsIn() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofHours(2));
        Instant now = fx.clock.instant();

        AuthenticatedUser result = verify(token);

        User stored = fx.users.get(ann.id());
        assertTrue(stored.isEmailVerified());
        assertEquals(now, stored.lastLogin());
        assertEquals(ann.id(), result.user().id());
        assertTrue(result.user().isEmailVerified());
        assertEquals(now, stored(token).usedAt());

        var tokens = result.tokens();
        Session session = fx.sessions.findBySessionToken(OpaqueToken.parse(tokens.refresh()).orElseThrow().hash()).orElseThrow();
        assertEquals(ann.id(), session.userId());
        assertEquals(tokens.sessionId(), session.id());
        assertTrue(session.isActive(now));
        var claims = fx.signer.verify(tokens.access()).orElseThrow();
        assertEquals(ann.id().toString(), claims.subject());
        assertTrue(claims.emailVerified(), "the access token already says the address is verified");
    }

    @Test
    void aTokenWorksOnlyOnce() {
        String token = mailedToken();
        verify(token);
        fx.clock.advance(Duration.ofMinutes(1));
        Instant usedAt = stored(token).usedAt();

        assertThrows(TokenNotValidException.class, () -> verify(token));
        assertEquals(usedAt, stored(token).usedAt());
        assertEquals(1, fx.sessions.count(), "the second try started no session");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedOrUnknownTokensAreNotValid(String presented) {
        mailedToken();
        assertThrows(TokenNotValidException.class, () -> verify(presented));
        assertUnchanged();
    }

    @Test
    void aTokenWithSurroundingSpaceIsNotValid() {
        String token = mailedToken();
        assertThrows(TokenNotValidException.class, () -> verify(" " + token));
        assertThrows(TokenNotValidException.class, () -> verify(token + "\n"));
        assertUnchanged();
    }

    @Test
    void aTokenExpiresAfter24Hours() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofHours(24));

        assertThrows(TokenNotValidException.class, () -> verify(token));
        assertUnchanged();
        assertNull(stored(token).usedAt());
    }

    @Test
    void aTokenStillWorksJustBefore24Hours() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofHours(24).minusMillis(1));
        verify(token);
        assertTrue(fx.users.get(ann.id()).isEmailVerified());
    }

    @Test
    void aPasswordResetTokenDoesNotVerify() {
        fx.mail.passwordResetLink(ann, fx.clock.instant());
        String reset = fx.lastToken(Template.PASSWORD_RESET);

        assertThrows(TokenNotValidException.class, () -> verify(reset));
        assertUnchanged();
        assertNull(stored(reset).usedAt());
    }

    @Test
    void aNewerLinkSupersedesTheOlder() {
        String older = mailedToken();
        fx.clock.advance(Duration.ofMinutes(5));
        String newer = mailedToken();

        assertThrows(TokenNotValidException.class, () -> verify(older));
        assertUnchanged();
        verify(newer);
        assertTrue(fx.users.get(ann.id()).isEmailVerified());
    }

    @Test
    void aPasswordChangeKillsAnEarlierToken() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofMinutes(5));
        User stored = fx.users.get(ann.id());
        stored.changePassword(stored.passwordHash(), fx.clock.instant());
        fx.users.update(stored);

        assertThrows(TokenNotValidException.class, () -> verify(token));
        assertUnchanged();
    }

    @Test
    void aDisabledAccountIsRefusedAndNothingChanges() {
        String token = mailedToken();
        fx.deactivate(ann);

        assertThrows(AccountDisabledException.class, () -> verify(token));

        assertUnchanged();
        assertNull(stored(token).usedAt(), "the token is not spent");
        assertEquals(1, fx.transactions.rolledBack);
    }

    @Test
    void aTokenOfAnotherUserVerifiesThatUserOnly() {
        User bob = fx.addUser("bob@example.com", "bob");
        fx.mail.verificationLink(bob, fx.clock.instant());
        String bobs = fx.lastToken(Template.VERIFY_EMAIL);

        AuthenticatedUser result = verify(bobs);

        assertEquals(bob.id(), result.user().id());
        assertTrue(fx.users.get(bob.id()).isEmailVerified());
        assertFalse(fx.users.get(ann.id()).isEmailVerified());
        assertNotNull(stored(bobs).usedAt());
    }

    @Test
    void theFirstVerificationRevokesEverySessionOpenedBeforeIt() {
        var squatters = fx.startSession(ann);
        String token = mailedToken();
        AuthenticatedUser verified = verify(token);
        assertNotNull(fx.sessions.get(squatters.sessionId()).revokedAt(), "a session from before the proof is revoked");
        assertEquals(Session.RevokeReason.EMAIL_VERIFIED, fx.sessions.get(squatters.sessionId()).revokeReason());
        assertNull(fx.sessions.get(verified.tokens().sessionId()).revokedAt(), "the verifier's own session lives");
    }

    @Test
    void aVerificationLinkDiesWithThePasswordItWasIssuedUnder() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofSeconds(1));
        User changed = fx.users.get(ann.id());
        changed.changePassword(dev.gatehouse.application.fakes.FakePasswordHasher.hashOf("another passphrase"), fx.clock.instant());
        fx.users.update(changed);
        assertThrows(TokenNotValidException.class, () -> verify(token));
        assertUnchanged();
    }
}
