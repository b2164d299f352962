package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.mail.MailMessage.Template;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResendVerificationServiceTest {
    private final Fixture fx = new Fixture(VerificationMode.MANDATORY);
    private final ResendVerificationService service =
            new ResendVerificationService(fx.users, fx.mail, fx.transactions, fx.clock, fx.throttle, EnumerationFloor.NONE);
    private final VerifyEmailService verify =
            new VerifyEmailService(fx.oneTimeTokens, fx.users, fx.sessions, fx.issuer, fx.transactions, fx.clock, fx.audit, fx.throttle,
                fx.secondFactors);
    private final User ann = fx.addUser("ann@example.com", "ann");

    private void resend(String email) {
        service.resendVerification(EmailAddress.of(email), ClientInfo.UNKNOWN);
    }

    @Test
    void anUnverifiedUserGetsAFreshLinkAndTheOldOneDies() {
        fx.mail.verificationLink(ann, fx.clock.instant());
        String previous = fx.lastToken(Template.VERIFY_EMAIL);
        fx.clock.advance(Duration.ofMinutes(10));

        resend("ANN@example.com");

        List<MailMessage> mails = fx.outbox.enqueued(Template.VERIFY_EMAIL);
        assertEquals(2, mails.size());
        assertEquals(ann.email(), mails.getLast().to());
        String fresh = fx.lastToken(Template.VERIFY_EMAIL);
        assertNotEquals(previous, fresh);
        assertFalse(fx.oneTimeTokens.find(TokenHash.of(previous)).isPresent());
        assertEquals(fx.clock.instant(), fx.oneTimeTokens.find(TokenHash.of(fresh)).orElseThrow().createdAt());

        assertThrows(TokenNotValidException.class, () -> verify.verifyEmail(new VerifyEmailCommand(previous, ClientInfo.UNKNOWN, SignIn.START_SESSION)));
        verify.verifyEmail(new VerifyEmailCommand(fresh, ClientInfo.UNKNOWN, SignIn.START_SESSION));
        assertTrue(fx.users.get(ann.id()).isEmailVerified());
    }

    @Test
    void aVerifiedUserGetsNothing() {
        User stored = fx.users.get(ann.id());
        stored.confirmEmail();
        fx.users.update(stored);

        resend("ann@example.com");

        assertEquals(List.of(), fx.outbox.enqueued());
        assertEquals(0, fx.oneTimeTokens.count());
    }

    @Test
    void anUnknownAddressGetsNothing() {
        resend("nobody@example.com");

        assertEquals(List.of(), fx.outbox.enqueued());
        assertEquals(0, fx.oneTimeTokens.count());
    }

    @Test
    void aDisabledUserGetsNothingAndKeepsTheirLink() {
        fx.mail.verificationLink(ann, fx.clock.instant());
        String previous = fx.lastToken(Template.VERIFY_EMAIL);
        fx.deactivate(ann);

        resend("ann@example.com");

        assertEquals(1, fx.outbox.enqueued().size());
        assertTrue(fx.oneTimeTokens.find(TokenHash.of(previous)).isPresent());
    }
}
