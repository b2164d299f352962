package dev.gatehouse.application.service;

import static dev.gatehouse.application.fakes.Fixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.fakes.FakePasswordHasher;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.Session.RevokeReason;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangePasswordServiceTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final Fixture fx = new Fixture();
    private final ChangePasswordService service =
            new ChangePasswordService(fx.users, fx.sessions, fx.hasher, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit);
    private final User ann = fx.addUser("ann@example.com", "ann");
    private final IssuedTokens current = fx.startSession(ann);
    private final IssuedTokens other = fx.startSession(ann);

    private void change(String oldPassword) {
        service.changePassword(new ChangePasswordCommand(fx.principal(ann, current), PlainPassword.of(oldPassword),
                PlainPassword.of(NEW_PASSWORD), PlainPassword.of(NEW_PASSWORD)));
    }

    @Test
    void aWrongOldPasswordChangesNothing() {
        var e = assertThrows(ValidationFailedException.class, () -> change("not my password"));
        assertEquals(Map.of("old_password", List.of(ChangePasswordService.OLD_PASSWORD_WRONG)), e.errors());
        assertEquals(FakePasswordHasher.hashOf(PASSWORD), fx.users.get(ann.id()).passwordHash());
        assertNull(fx.sessions.get(other.sessionId()).revokedAt());
        assertEquals(List.of(), fx.outbox.enqueued(), "no notice for a change that did not happen");
    }

    @Test
    void tellsTheOwnerByMailWithoutALink() {
        fx.clock.advance(Duration.ofMinutes(7));
        change(PASSWORD);

        MailMessage notice = fx.outbox.enqueued().getFirst();
        assertEquals(1, fx.outbox.enqueued().size());
        assertEquals(MailMessage.Template.PASSWORD_CHANGED, notice.template());
        assertEquals(ann.email(), notice.to());
        assertEquals(fx.clock.instant().toString(), notice.parameters().get("time"));
        MailMessage.SECRET_PARAMETERS.forEach(secret -> assertFalse(notice.parameters().containsKey(secret)));
        assertEquals(0, fx.oneTimeTokens.count());
    }

    @Test
    void changesThePasswordAndEndsEveryOtherSession() {
        fx.clock.advance(Duration.ofHours(1));
        change(PASSWORD);

        User stored = fx.users.get(ann.id());
        assertEquals(FakePasswordHasher.hashOf(NEW_PASSWORD), stored.passwordHash());
        assertEquals(fx.clock.instant(), stored.passwordChangedAt());
        assertNull(fx.sessions.get(current.sessionId()).revokedAt());
        assertEquals(RevokeReason.PASSWORD_CHANGED, fx.sessions.get(other.sessionId()).revokeReason());
    }
}
