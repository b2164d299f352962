package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.PermissionDeniedException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.MailOutboxAdministration;
import dev.gatehouse.application.port.out.MailOutboxAdministration.Envelope;
import dev.gatehouse.application.port.out.MailOutboxAdministration.Status;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The use cases added for the admin console: a user's sessions, an administrator's reset mail, dead-mail retry. */
class AdminConsoleServicesTest {
    private final Fixture fx = new Fixture();

    /** The outbox's envelopes, kept in a map: what the administration port sees. */
    private static final class Envelopes implements MailOutboxAdministration {
        final Map<Long, Envelope> rows = new TreeMap<>();

        @Override
        public Page find(Status status, int page, int size) {
            List<Envelope> all = rows.values().stream().filter(e -> status == null || e.status() == status).toList().reversed();
            return new Page(all.stream().skip((long) page * size).limit(size).toList(), all.size());
        }

        @Override
        public Optional<Envelope> findById(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public boolean deleteDead(long id) {
            return rows.get(id) != null && rows.get(id).status() == Status.DEAD && rows.remove(id) != null;
        }

        void dead(long id, MailMessage.Template template, String recipient) {
            rows.put(id, new Envelope(id, template, recipient, Status.DEAD, 8, Fixture.T0, Fixture.T0, null, "relay said no"));
        }
    }

    private User admin() {
        User user = fx.addVerifiedUser("root@example.com", null);
        user.assignRole(Role.ADMIN);
        fx.users.update(user);
        return fx.users.get(user.id());
    }

    private Principal as(User user) {
        return fx.principal(user, fx.startSession(user));
    }

    @Test
    void anAdministratorEndsOneSessionOfTheUserItBelongsTo() {
        var service = new AdministerUserSessionsService(fx.users, fx.sessions, fx.audit, fx.transactions, fx.clock);
        Principal root = as(admin());
        User ann = fx.addVerifiedUser("ann@example.com", null);
        User bob = fx.addVerifiedUser("bob@example.com", null);
        IssuedTokens first = fx.startSession(ann);
        IssuedTokens second = fx.startSession(ann);
        assertEquals(2, service.sessionsOf(root, ann.id()).size());

        assertThrows(NotFoundException.class, () -> service.revokeSession(root, bob.id(), first.sessionId()), "not bob's session");
        assertNull(fx.sessions.get(first.sessionId()).revokedAt());
        service.revokeSession(root, ann.id(), first.sessionId());
        assertNotNull(fx.sessions.get(first.sessionId()).revokedAt());
        assertNull(fx.sessions.get(second.sessionId()).revokedAt());
        assertEquals(List.of(second.sessionId()), service.sessionsOf(root, ann.id()).stream().map(s -> s.id()).toList());
        AuditEvent event = fx.audit.of(AuditEvent.Type.SESSION_REVOKED).getFirst();
        assertEquals(ann.id(), event.user());
        assertEquals(root.user().id(), event.actor());
        assertThrows(NotFoundException.class, () -> service.revokeSession(root, ann.id(), first.sessionId()), "already ended");
        assertThrows(PermissionDeniedException.class, () -> service.sessionsOf(as(ann), ann.id()));
    }

    @Test
    void anAdministratorsResetMailIsTheUsualLinkMail() {
        var service = new SendPasswordResetService(fx.users, fx.mail, fx.audit, fx.transactions, fx.clock);
        Principal root = as(admin());
        User ann = fx.addVerifiedUser("ann@example.com", null);
        assertThrows(PermissionDeniedException.class, () -> service.sendPasswordReset(as(ann), ann.id()));
        assertTrue(fx.outbox.enqueued(MailMessage.Template.PASSWORD_RESET).isEmpty());
        service.sendPasswordReset(root, ann.id());
        MailMessage mail = fx.outbox.enqueued(MailMessage.Template.PASSWORD_RESET).getFirst();
        assertEquals(ann.email(), mail.to());
        assertNotNull(fx.lastToken(MailMessage.Template.PASSWORD_RESET));
        assertEquals(root.user().id(), fx.audit.of(AuditEvent.Type.PASSWORD_RESET_REQUESTED).getFirst().actor());
    }

    @Test
    void aDeadMailIsWrittenAgainFromItsKind() {
        Envelopes envelopes = new Envelopes();
        var service = new ManageMailOutboxService(envelopes, fx.users, fx.mail, fx.audit, fx.transactions, fx.clock);
        Principal root = as(admin());
        User ann = fx.addVerifiedUser("ann@example.com", null);
        envelopes.dead(7, MailMessage.Template.PASSWORD_RESET, "ann@example.com");
        envelopes.dead(8, MailMessage.Template.EMAIL_CHANGE, "new@example.com");
        envelopes.dead(9, MailMessage.Template.PASSWORD_CHANGED, "gone@example.com");

        assertEquals(3, service.list(root, dev.gatehouse.application.port.in.ManageMailOutboxUseCase.MailState.DEAD, 0, 10).total());
        assertThrows(PermissionDeniedException.class, () -> service.retry(as(ann), 7));
        service.retry(root, 7);
        assertFalse(envelopes.rows.containsKey(7L), "the dead entry is replaced");
        assertEquals(ann.email(), fx.outbox.enqueued(MailMessage.Template.PASSWORD_RESET).getFirst().to());
        assertNotNull(fx.lastToken(MailMessage.Template.PASSWORD_RESET), "a new link");
        AuditEvent event = fx.audit.of(AuditEvent.Type.ADMIN_MAIL_RETRIED).getFirst();
        assertEquals(root.user().id(), event.actor());
        assertEquals(ann.id(), event.user());

        assertThrows(NotFoundException.class, () -> service.retry(root, 7), "no longer dead");
        assertThrows(ValidationFailedException.class, () -> service.retry(root, 8), "an email change is asked for again");
        assertThrows(NotFoundException.class, () -> service.retry(root, 9), "the recipient has no account");
        assertTrue(envelopes.rows.containsKey(8L) && envelopes.rows.containsKey(9L));
        assertEquals(1, fx.outbox.enqueued().size());
    }
}
