package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.EmailTakenException;
import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.fakes.FakePasswordHasher;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.ChangeEmailUseCase.ChangeEmailCommand;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChangeEmailServiceTest {
    private final Fixture fx = new Fixture();
    private final PasswordConfirmation passwords = new PasswordConfirmation(fx.hasher, fx.limiter, fx.audit, fx.source, fx.clock);
    private final ChangeEmailService change = new ChangeEmailService(fx.users, passwords, fx.mail, fx.audit, fx.transactions, fx.clock, fx.throttle);
    private final ConfirmEmailChangeService confirm = new ConfirmEmailChangeService(fx.oneTimeTokens, fx.users, fx.audit,
            fx.transactions, fx.clock, fx.throttle);
    private final User ann = fx.addUser("ann@example.com", "ann");

    private String request(String newEmail, String password) {
        change.requestEmailChange(new ChangeEmailCommand(fx.principal(ann, fx.startSession(ann)), EmailAddress.of(newEmail),
                PlainPassword.of(password), ClientInfo.UNKNOWN));
        return fx.lastToken(MailMessage.Template.EMAIL_CHANGE);
    }

    @Test
    void theLinkGoesToTheNewAddressANoticeToTheOldAndConfirmingMovesTheAccount() {
        String token = request("ann.new@example.com", Fixture.PASSWORD);
        MailMessage link = fx.outbox.enqueued(MailMessage.Template.EMAIL_CHANGE).getFirst();
        assertEquals("ann.new@example.com", link.to().value());
        assertFalse(link.parameters().containsKey("name"), "no text the account holder typed goes to an unproven address");
        assertEquals("ann@example.com", fx.outbox.enqueued(MailMessage.Template.EMAIL_CHANGE_REQUESTED).getFirst().to().value());
        assertEquals("ann@example.com", fx.users.get(ann.id()).email().value(), "nothing changes before the link");

        User moved = confirm.confirmEmailChange(token, ClientInfo.UNKNOWN);
        assertEquals("ann.new@example.com", moved.email().value());
        assertTrue(fx.users.get(ann.id()).isEmailVerified(), "the new address counts as verified");
        assertThrows(TokenNotValidException.class, () -> confirm.confirmEmailChange(token, ClientInfo.UNKNOWN), "single use");
    }

    @Test
    void aTakenAddressGetsTheSameAnswerAndFailsAtConfirmation() {
        fx.addVerifiedUser("bob@example.com", "bob");
        String token = request("bob@example.com", Fixture.PASSWORD);
        assertThrows(EmailTakenException.class, () -> confirm.confirmEmailChange(token, ClientInfo.UNKNOWN));
        assertEquals("ann@example.com", fx.users.get(ann.id()).email().value());
    }

    @Test
    void aWrongPasswordIsInvalidCredentialsAndSendsNothing() {
        assertThrows(InvalidCredentialsException.class, () -> request("ann.new@example.com", "not the password"));
        assertTrue(fx.outbox.enqueued().isEmpty());
    }

    @Test
    void theLinkExpiresAfter24HoursAndDiesWithAPasswordChange() {
        String expiring = request("one@example.com", Fixture.PASSWORD);
        fx.clock.advance(Duration.ofHours(24));
        assertThrows(TokenNotValidException.class, () -> confirm.confirmEmailChange(expiring, ClientInfo.UNKNOWN));

        String token = request("two@example.com", Fixture.PASSWORD);
        fx.clock.advance(Duration.ofSeconds(1));
        User stored = fx.users.get(ann.id());
        stored.changePassword(FakePasswordHasher.hashOf("another passphrase"), fx.clock.instant());
        fx.users.update(stored);
        assertThrows(TokenNotValidException.class, () -> confirm.confirmEmailChange(token, ClientInfo.UNKNOWN));
    }
}
