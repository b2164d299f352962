package dev.gatehouse.application.service;

import dev.gatehouse.application.error.PermissionDeniedException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.domain.user.Role;

/** The rules of the admin API: the caller is an administrator, and one active administrator always remains. */
final class Admins {
    private Admins() {
    }

    /** At least one active administrator always remains: refuses to take away the last one. */
    static void requireAnotherAdmin(dev.gatehouse.application.port.out.UserRepository users, dev.gatehouse.domain.user.User user) {
        if (user.isActive() && user.role() == Role.ADMIN && users.lockActiveAdmins() <= 1) {
            throw new dev.gatehouse.application.error.LastAdminException();
        }
    }

    static void require(Principal caller) {
        if (caller == null || caller.user().role() != Role.ADMIN) {
            throw new PermissionDeniedException();
        }
    }
}
