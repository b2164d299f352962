package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.LastAdminException;
import dev.gatehouse.application.error.PermissionDeniedException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.DeleteAccountUseCase.DeleteOwnAccountCommand;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

class DeleteAccountServiceTest {
    private final Fixture fx = new Fixture();
    private final PasswordConfirmation passwords = new PasswordConfirmation(fx.hasher, fx.limiter, fx.audit, fx.source, fx.clock);
    private final DeleteAccountService service =
            new DeleteAccountService(fx.users, fx.sessions, passwords, fx.secondFactors, fx.audit, fx.transactions, fx.clock);
    private final User ann = fx.addVerifiedUser("ann@example.com", "ann");

    private Principal as(User user) {
        return fx.principal(user, fx.startSession(user));
    }

    private User admin(String email) {
        User user = fx.addVerifiedUser(email, null);
        user.assignRole(Role.ADMIN);
        fx.users.update(user);
        return fx.users.get(user.id());
    }

    @Test
    void deletingOnesOwnAccountErasesItAndKeepsOnlyTheIdInTheAudit() {
        Principal caller = as(ann);
        fx.audit.record(AuditEvent.of(fx.clock.instant(), AuditEvent.Type.LOGIN_SUCCESS, ann.id(), null, "203.0.113.9", null));

        service.deleteOwnAccount(new DeleteOwnAccountCommand(caller, PlainPassword.of(Fixture.PASSWORD)));

        assertTrue(fx.users.findById(ann.id()).isEmpty());
        assertTrue(fx.users.findByEmail(EmailAddress.of("ann@example.com")).isEmpty(), "the address is free again");
        assertTrue(fx.sessions.findWithUser(caller.sessionId()).isEmpty());
        for (AuditEvent event : fx.audit.events()) {
            assertNull(event.ip(), "no client address kept for the erased user: " + event);
            assertTrue(event.detail() == null || !event.detail().contains("ann"), event.toString());
        }
        AuditEvent deleted = fx.audit.of(AuditEvent.Type.ACCOUNT_DELETED).getFirst();
        assertEquals(ann.id(), deleted.user());
        assertNull(deleted.actor());
    }

    @Test
    void aWrongPasswordIsTheUsualInvalidCredentialsAndCountsTowardsTheLockout() {
        Principal caller = as(ann);
        for (int i = 0; i < 5; i++) {
            assertThrows(InvalidCredentialsException.class,
                    () -> service.deleteOwnAccount(new DeleteOwnAccountCommand(caller, PlainPassword.of("wrong guess"))));
        }
        assertThrows(RateLimitedException.class,
                () -> service.deleteOwnAccount(new DeleteOwnAccountCommand(caller, PlainPassword.of(Fixture.PASSWORD))));
        assertTrue(fx.users.findById(ann.id()).isPresent());
    }

    @Test
    void anAdministratorDeletesAnyAccountButNotTheLastAdmin() {
        User root = admin("root@example.com");
        assertThrows(PermissionDeniedException.class, () -> service.deleteAccount(as(ann), root.id()));
        service.deleteAccount(as(root), ann.id());
        assertTrue(fx.users.findById(ann.id()).isEmpty());
        assertEquals(root.id(), fx.audit.of(AuditEvent.Type.ACCOUNT_DELETED).getFirst().actor());

        assertThrows(LastAdminException.class, () -> service.deleteAccount(as(root), root.id()));
        assertThrows(LastAdminException.class,
                () -> service.deleteOwnAccount(new DeleteOwnAccountCommand(as(root), PlainPassword.of(Fixture.PASSWORD))));
        assertTrue(fx.users.findById(root.id()).isPresent());
    }
}
