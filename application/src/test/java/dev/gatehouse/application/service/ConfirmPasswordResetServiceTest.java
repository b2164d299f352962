package dev.gatehouse.application.service;

import static dev.gatehouse.application.fakes.Fixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.fakes.FakePasswordHasher;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase.ConfirmPasswordResetCommand;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.domain.mail.MailMessage.Template;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.domain.user.User;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmPasswordResetServiceTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final Fixture fx = new Fixture();
    private final ConfirmPasswordResetService service = new ConfirmPasswordResetService(fx.oneTimeTokens, fx.users,
            fx.sessions, fx.hasher, fx.issuer, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit, fx.throttle,
                fx.secondFactors);
    private final User ann = fx.addUser("ann@example.com", "annalee");
    private final IssuedTokens laptop = fx.startSession(ann);
    private final IssuedTokens phone = fx.startSession(ann);

    private String mailedToken() {
        fx.mail.passwordResetLink(fx.users.get(ann.id()), fx.clock.instant());
        return fx.lastToken(Template.PASSWORD_RESET);
    }

    private AuthenticatedUser confirm(String token, String password, String confirmation) {
        return service.confirmPasswordReset(new ConfirmPasswordResetCommand(token, PlainPassword.of(password),
                confirmation == null ? null : PlainPassword.of(confirmation), ClientInfo.UNKNOWN, SignIn.START_SESSION)).authenticated();
    }

    private OneTimeToken stored(String token) {
        return fx.oneTimeTokens.find(TokenHash.of(token)).orElseThrow();
    }

    /** The old password, the old sessions, no notice: as if nobody had tried. */
    private void assertUnchanged(int mailsBefore) {
        User user = fx.users.get(ann.id());
        assertEquals(FakePasswordHasher.hashOf(PASSWORD), user.passwordHash());
        assertEquals(Fixture.T0, user.passwordChangedAt());
        assertFalse(user.isEmailVerified());
        assertNull(user.lastLogin());
        assertNull(fx.sessions.get(laptop.sessionId()).revokedAt());
        assertNull(fx.sessions.get(phone.sessionId()).revokedAt());
        assertEquals(2, fx.sessions.count());
        assertEquals(mailsBefore, fx.outbox.enqueued().size());
        assertEquals(List.of(), fx.outbox.enqueued(Template.PASSWORD_CHANGED));
    }

    @Test
    void aResetSetsThePasswordEndsEverySessionAndStartsANewOne() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofMinutes(20));
        Instant now = fx.clock.instant();

        AuthenticatedUser result = confirm(token, NEW_PASSWORD, NEW_PASSWORD);

        User user = fx.users.get(ann.id());
        assertEquals(FakePasswordHasher.hashOf(NEW_PASSWORD), user.passwordHash());
        assertEquals(now, user.passwordChangedAt());
        assertTrue(user.isEmailVerified(), "the mailbox is proven");
        assertEquals(now, user.lastLogin());
        for (IssuedTokens old : List.of(laptop, phone)) {
            Session s = fx.sessions.get(old.sessionId());
            assertEquals(Session.RevokeReason.PASSWORD_RESET, s.revokeReason());
            assertEquals(now, s.revokedAt());
        }

        IssuedTokens fresh = result.tokens();
        assertEquals(ann.id(), result.user().id());
        assertEquals(3, fx.sessions.count());
        Session session = fx.sessions.findBySessionToken(OpaqueToken.parse(fresh.refresh()).orElseThrow().hash()).orElseThrow();
        assertEquals(fresh.sessionId(), session.id());
        assertTrue(session.isActive(now), "the new session survives the revocation");
        var claims = fx.signer.verify(fresh.access()).orElseThrow();
        assertEquals(ann.id().toString(), claims.subject());
        assertTrue(claims.emailVerified());

        MailMessage notice = fx.outbox.enqueued(Template.PASSWORD_CHANGED).getFirst();
        assertEquals(2, fx.outbox.enqueued().size(), "the reset link, then the notice");
        assertEquals(ann.email(), notice.to());
        assertEquals(Set.of("email", "name", "time"), notice.parameters().keySet());

        assertEquals(now, stored(token).usedAt());
        fx.clock.advance(Duration.ofSeconds(1));
        assertThrows(TokenNotValidException.class, () -> confirm(token, "yet another passphrase", null));
        assertEquals(FakePasswordHasher.hashOf(NEW_PASSWORD), fx.users.get(ann.id()).passwordHash());
        assertEquals(3, fx.sessions.count());
        assertEquals(1, fx.outbox.enqueued(Template.PASSWORD_CHANGED).size());
    }

    @Test
    void theConfirmationIsOptional() {
        String token = mailedToken();
        confirm(token, NEW_PASSWORD, null);
        assertEquals(FakePasswordHasher.hashOf(NEW_PASSWORD), fx.users.get(ann.id()).passwordHash());
    }

    @Test
    void aResetAlsoKillsAnOutstandingVerificationLink() {
        fx.mail.verificationLink(ann, fx.clock.instant());
        String verification = fx.lastToken(Template.VERIFY_EMAIL);
        String token = mailedToken();
        fx.clock.advance(Duration.ofSeconds(1));
        confirm(token, NEW_PASSWORD, null);

        VerifyEmailService verify = new VerifyEmailService(fx.oneTimeTokens, fx.users, fx.sessions, fx.issuer, fx.transactions, fx.clock, fx.audit,
                fx.throttle, fx.secondFactors);
        assertThrows(TokenNotValidException.class,
                () -> verify.verifyEmail(new VerifyEmailCommand(verification, ClientInfo.UNKNOWN, SignIn.START_SESSION)));
    }

    @Test
    void aPasswordChangeAfterTheLinkWasSentKillsIt() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofMinutes(1));
        new ChangePasswordService(fx.users, fx.sessions, fx.hasher, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit)
                .changePassword(new ChangePasswordCommand(fx.principal(ann, laptop), PlainPassword.of(PASSWORD),
                        PlainPassword.of("changed in the meantime"), null));
        fx.clock.advance(Duration.ofMinutes(1));

        assertThrows(TokenNotValidException.class, () -> confirm(token, NEW_PASSWORD, NEW_PASSWORD));

        assertEquals(FakePasswordHasher.hashOf("changed in the meantime"), fx.users.get(ann.id()).passwordHash());
        assertNull(stored(token).usedAt());
        assertNull(fx.sessions.get(laptop.sessionId()).revokedAt(), "the changer's own session lives on");
    }

    @Test
    void aLinkExpiresAfterOneHour() {
        String token = mailedToken();
        int mails = fx.outbox.enqueued().size();
        fx.clock.advance(Duration.ofHours(1));

        assertThrows(TokenNotValidException.class, () -> confirm(token, NEW_PASSWORD, NEW_PASSWORD));
        assertUnchanged(mails);
        assertNull(stored(token).usedAt());
    }

    @Test
    void aLinkStillWorksJustBeforeTheHourIsUp() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofHours(1).minusMillis(1));
        confirm(token, NEW_PASSWORD, NEW_PASSWORD);
        assertEquals(FakePasswordHasher.hashOf(NEW_PASSWORD), fx.users.get(ann.id()).passwordHash());
    }

    @Test
    void aNewerLinkSupersedesTheOlder() {
        String older = mailedToken();
        fx.clock.advance(Duration.ofMinutes(1));
        String newer = mailedToken();
        int mails = fx.outbox.enqueued().size();

        assertThrows(TokenNotValidException.class, () -> confirm(older, NEW_PASSWORD, NEW_PASSWORD));
        assertUnchanged(mails);

        confirm(newer, NEW_PASSWORD, NEW_PASSWORD);
        assertEquals(FakePasswordHasher.hashOf(NEW_PASSWORD), fx.users.get(ann.id()).passwordHash());
    }

    @Test
    void aVerificationTokenCannotResetThePassword() {
        fx.mail.verificationLink(ann, fx.clock.instant());
        String verification = fx.lastToken(Template.VERIFY_EMAIL);
        int mails = fx.outbox.enqueued().size();

        assertThrows(TokenNotValidException.class, () -> confirm(verification, NEW_PASSWORD, NEW_PASSWORD));
        assertUnchanged(mails);
        assertNull(stored(verification).usedAt());
    }

    @Test
    void malformedAndUnknownTokensAreNotValid() {
        mailedToken();
        int mails = fx.outbox.enqueued().size();
        for (String bad : List.of("", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")) {
            assertThrows(TokenNotValidException.class, () -> confirm(bad, NEW_PASSWORD, NEW_PASSWORD), bad);
        }
        assertUnchanged(mails);
        assertEquals(0, fx.hasher.hashCalls, "a bad token costs no hashing");
    }

    @Test
    void aPolicyViolationIsReportedOnNewPasswordAndChangesNothing() {
        String token = mailedToken();
        int mails = fx.outbox.enqueued().size();

        var e = assertThrows(ValidationFailedException.class, () -> confirm(token, "short", "short"));
        assertEquals(Set.of("new_password"), e.errors().keySet());
        assertEquals(List.of("This password is too short. It must contain at least 8 characters."), e.errors().get("new_password"));

        var personal = assertThrows(ValidationFailedException.class, () -> confirm(token, "AnnaLee", null));
        assertEquals(List.of("The password is too similar to the username.", "This password is too short. It must contain at least 8 characters."),
                personal.errors().get("new_password"), "compared with the owner's username");
        var email = assertThrows(ValidationFailedException.class, () -> confirm(token, "ann@example.com", null));
        assertEquals(List.of("The password is too similar to the email address."), email.errors().get("new_password"));

        assertUnchanged(mails);
        assertNull(stored(token).usedAt(), "the link still works");
        assertEquals(0, fx.hasher.hashCalls);
        confirm(token, NEW_PASSWORD, null);
    }

    @Test
    void aMismatchedConfirmationIsReportedOnConfirmPassword() {
        String token = mailedToken();
        int mails = fx.outbox.enqueued().size();

        var e = assertThrows(ValidationFailedException.class, () -> confirm(token, NEW_PASSWORD, NEW_PASSWORD + "!"));
        assertEquals(Map.of("confirm_password", List.of(Passwords.MISMATCH)), e.errors());

        var both = assertThrows(ValidationFailedException.class, () -> confirm(token, "password", "Password"));
        assertEquals(List.of("confirm_password", "new_password"), List.copyOf(both.errors().keySet()));

        assertUnchanged(mails);
        assertNull(stored(token).usedAt());
    }

    @Test
    void aDisabledAccountCannotBeResetAndNothingChanges() {
        String token = mailedToken();
        int mails = fx.outbox.enqueued().size();
        fx.deactivate(ann);

        assertThrows(AccountDisabledException.class, () -> confirm(token, NEW_PASSWORD, NEW_PASSWORD));

        assertUnchanged(mails);
        assertNull(stored(token).usedAt());
        assertEquals(1, fx.transactions.rolledBack);
    }

    @Test
    void aLinkSpentByARacingRequestAfterTheFirstLookIsRefusedUnderTheLock() {
        String token = mailedToken();
        int mails = fx.outbox.enqueued().size();
        // The racer commits its use of the link between this request's unlocked look and its lock.
        OneTimeTokenRepository racing = (OneTimeTokenRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OneTimeTokenRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("lock")) {
                        fx.oneTimeTokens.markUsed(stored(token).use(fx.clock.instant()));
                    }
                    try {
                        return method.invoke(fx.oneTimeTokens, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ConfirmPasswordResetService racingService = new ConfirmPasswordResetService(racing, fx.users, fx.sessions, fx.hasher,
                fx.issuer, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit, fx.throttle,
                fx.secondFactors);

        assertThrows(TokenNotValidException.class, () -> racingService.confirmPasswordReset(
                new ConfirmPasswordResetCommand(token, PlainPassword.of(NEW_PASSWORD), null, ClientInfo.UNKNOWN,
                        SignIn.START_SESSION)));

        assertUnchanged(mails);
    }

    private AuthenticatedUser confirmFor(String token, UserId expected) {
        return service.confirmPasswordReset(new ConfirmPasswordResetCommand(token, PlainPassword.of(NEW_PASSWORD),
                PlainPassword.of(NEW_PASSWORD), ClientInfo.UNKNOWN, expected, SignIn.START_SESSION)).authenticated();
    }

    @Test
    void theUidFromTheSameMailIsAccepted() {
        String token = mailedToken();
        String uid = fx.outbox.enqueued(Template.PASSWORD_RESET).getLast().parameters().get("uid");
        assertEquals(AccountMail.uid(ann.id()), uid);

        AuthenticatedUser result = confirmFor(token, UserId.fromCompact(uid).orElseThrow());

        assertEquals(ann.id(), result.user().id());
        assertEquals(FakePasswordHasher.hashOf(NEW_PASSWORD), fx.users.get(ann.id()).passwordHash());
    }

    @Test
    void anotherUsersIdMakesTheTokenNotValidAndNobodyIsNotFoundAndNothingChanges() {
        User bob = fx.addUser("bob@example.com", "bobby");
        String token = mailedToken();
        int mails = fx.outbox.enqueued().size();

        // As Django: the link's user is looked up first (none: its own error), then the token must be that user's.
        assertThrows(TokenNotValidException.class, () -> confirmFor(token, bob.id()));
        assertThrows(NotFoundException.class, () -> confirmFor(token, new UserId(java.util.UUID.randomUUID())));

        assertUnchanged(mails);
        assertNull(stored(token).usedAt(), "the link still works with its own user");
        assertEquals(0, fx.hasher.hashCalls, "refused before any hashing");
        confirmFor(token, ann.id());
        assertEquals(FakePasswordHasher.hashOf(NEW_PASSWORD), fx.users.get(ann.id()).passwordHash());
        assertEquals(FakePasswordHasher.hashOf(PASSWORD), fx.users.get(bob.id()).passwordHash(), "bob is untouched");
    }

    @Test
    void aGoodUidDoesNotRescueABadToken() {
        mailedToken();
        int mails = fx.outbox.enqueued().size();
        assertThrows(TokenNotValidException.class,
                () -> confirmFor("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ann.id()));
        assertUnchanged(mails);
    }
}
