package dev.gatehouse.application.service;

import dev.gatehouse.application.error.PermissionDeniedException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.domain.user.Role;

/** The one rule of the admin API: the caller is an administrator. */
final class Admins {
    private Admins() {
    }

    static void require(Principal caller) {
        if (caller == null || caller.user().role() != Role.ADMIN) {
            throw new PermissionDeniedException();
        }
    }
}
