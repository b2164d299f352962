package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.LastAdminException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.AdministerUsersUseCase.UserChanges;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

class AdministerUsersServiceTest {
    private final Fixture fx = new Fixture();
    private final AdministerUsersService service =
            new AdministerUsersService(fx.users, fx.sessions, fx.audit, fx.transactions, fx.clock);

    private User admin(String email) {
        User user = fx.addVerifiedUser(email, null);
        user.assignRole(Role.ADMIN);
        fx.users.update(user);
        return fx.users.get(user.id());
    }

    private Principal as(User user) {
        return fx.principal(user, fx.startSession(user));
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        User root = admin("root@example.com");
        Principal caller = as(root);
        assertThrows(LastAdminException.class, () -> service.update(caller, root.id(), new UserChanges(null, Role.VIEWER, null)));
        assertThrows(LastAdminException.class, () -> service.update(caller, root.id(), new UserChanges(false, null, null)));
        assertEquals(Role.ADMIN, fx.users.get(root.id()).role());
        assertTrue(fx.users.get(root.id()).isActive());
    }

    @Test
    void anAdminCanBeDemotedWhileAnotherRemains() {
        User root = admin("root@example.com");
        User other = admin("other@example.com");
        service.update(as(root), other.id(), new UserChanges(null, Role.VIEWER, null));
        assertEquals(Role.VIEWER, fx.users.get(other.id()).role());
        assertThrows(LastAdminException.class, () -> service.update(as(root), root.id(), new UserChanges(false, null, null)));
    }

    @Test
    void aRoleChangeRevokesEverySessionOfThatUser() {
        User root = admin("root@example.com");
        User ann = fx.addVerifiedUser("ann@example.com", "ann");
        var annsSession = fx.startSession(ann);
        service.update(as(root), ann.id(), new UserChanges(null, Role.ADMIN, null));
        Session revoked = fx.sessions.get(annsSession.sessionId());
        assertNotNull(revoked.revokedAt());
        assertEquals(Session.RevokeReason.ROLE_CHANGED, revoked.revokeReason());
    }
}
