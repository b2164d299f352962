package dev.gatehouse.application.fakes;

import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.user.User;

/** Aggregates are mutable: the fakes store and hand out copies, as a database would. */
final class Copies {
    private Copies() {
    }

    static User of(User u) {
        return User.reconstitute(u.id(), u.email(), u.profile(), u.role(), u.isActive(), u.isEmailVerified(),
                u.passwordHash(), u.passwordChangedAt(), u.dateJoined(), u.lastLogin(), u.updatedAt());
    }

    static Session of(Session s) {
        return Session.reconstitute(s.id(), s.userId(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), s.client(),
                s.revokedAt(), s.revokeReason(), s.assurance(), s.clientId(), s.scope());
    }
}
