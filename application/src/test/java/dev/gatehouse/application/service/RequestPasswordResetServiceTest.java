package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.domain.mail.MailMessage.Template;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPasswordResetServiceTest {
    private final Fixture fx = new Fixture();
    private final RequestPasswordResetService service =
            new RequestPasswordResetService(fx.users, fx.mail, fx.transactions, fx.clock, fx.audit, fx.throttle, EnumerationFloor.NONE);
    private final User ann = fx.addUser("ann@example.com", "ann");

    private void request(String email) {
        service.requestPasswordReset(EmailAddress.of(email), ClientInfo.UNKNOWN);
    }

    @Test
    void anActiveUserGetsAResetLink() {
        fx.clock.advance(Duration.ofMinutes(3));
        request("Ann@EXAMPLE.com");

        MailMessage mail = fx.outbox.enqueued().getFirst();
        assertEquals(1, fx.outbox.enqueued().size());
        assertEquals(Template.PASSWORD_RESET, mail.template());
        assertEquals(ann.email(), mail.to());
        String token = fx.lastToken(Template.PASSWORD_RESET);
        assertEquals("https://app.example.test/auth/password/reset/confirm?token=" + token, mail.parameters().get("link"));
        OneTimeToken stored = fx.oneTimeTokens.find(TokenHash.of(token)).orElseThrow();
        assertEquals(ann.id(), stored.userId());
        assertEquals(OneTimeToken.Purpose.PASSWORD_RESET, stored.purpose());
        assertEquals(fx.clock.instant().plus(Duration.ofHours(1)), stored.expiresAt());
    }

    @Test
    void anUnverifiedUserGetsALinkToo() {
        assertFalse(fx.users.get(ann.id()).isEmailVerified());
        request("ann@example.com");
        assertEquals(1, fx.outbox.enqueued(Template.PASSWORD_RESET).size());
    }

    @Test
    void aSecondRequestSupersedesTheFirstLink() {
        request("ann@example.com");
        String first = fx.lastToken(Template.PASSWORD_RESET);
        request("ann@example.com");
        String second = fx.lastToken(Template.PASSWORD_RESET);

        assertFalse(fx.oneTimeTokens.find(TokenHash.of(first)).isPresent());
        assertTrue(fx.oneTimeTokens.find(TokenHash.of(second)).isPresent());
    }

    @Test
    void anUnknownAddressGetsNothing() {
        request("nobody@example.com");
        assertEquals(List.of(), fx.outbox.enqueued());
        assertEquals(0, fx.oneTimeTokens.count());
    }

    @Test
    void aDisabledUserGetsNothing() {
        fx.deactivate(ann);
        request("ann@example.com");
        assertEquals(List.of(), fx.outbox.enqueued());
        assertEquals(0, fx.oneTimeTokens.count());
    }
}
