package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.AdministerUsersUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public final class AdministerUsersService implements AdministerUsersUseCase {
    public static final int MAX_PAGE_SIZE = 100;

    private final UserRepository users;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public AdministerUsersService(UserRepository users, SessionRepository sessions, AuditLog audit, Transactions transactions,
                                  Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UserPage search(Principal admin, String query, Sort sort, int page, int size) {
        Admins.require(admin);
        int safePage = Math.max(0, page);
        int safeSize = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        String q = query == null ? "" : query.strip();
        if (q.length() > 254) {
            q = q.substring(0, 254);
        }
        UserRepository.Order order = UserRepository.Order.valueOf((sort == null ? Sort.NEWEST : sort).name());
        UserRepository.Page found = users.search(q, order, safePage, safeSize);
        return new UserPage(found.items(), safePage, safeSize, found.total());
    }

    @Override
    public User get(Principal admin, UserId id) {
        Admins.require(admin);
        return users.findById(id).orElseThrow(() -> new NotFoundException("User"));
    }

    @Override
    public User update(Principal admin, UserId id, UserChanges changes) {
        Admins.require(admin);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
            boolean staysAdmin = (changes.active() == null || changes.active())
                    && (changes.role() == null || changes.role() == Role.ADMIN);
            if (!staysAdmin) {
                Admins.requireAnotherAdmin(users, user);
            }
            List<String> changed = new ArrayList<>();
            if (changes.active() != null && changes.active() != user.isActive()) {
                if (changes.active()) {
                    user.activate();
                } else {
                    user.deactivate();
                    sessions.revokeAllOf(user.id(), null, now, Session.RevokeReason.ADMIN);
                }
                changed.add("is_active=" + changes.active());
            }
            if (changes.role() != null && changes.role() != user.role()) {
                user.assignRole(changes.role());
                // The role is a claim in every access token: none issued under the old one may live on.
                sessions.revokeAllOf(user.id(), null, now, Session.RevokeReason.ROLE_CHANGED);
                changed.add("role=" + changes.role().code());
            }
            if (changes.emailVerified() != null && changes.emailVerified() != user.isEmailVerified()) {
                if (changes.emailVerified()) {
                    user.confirmEmail();
                } else {
                    user.unconfirmEmail();
                }
                changed.add("email_verified=" + changes.emailVerified());
            }
            if (!changed.isEmpty()) {
                users.update(user);
                audit.record(AuditEvent.of(now, AuditEvent.Type.ADMIN_USER_UPDATED, user.id(), admin.user().id(), null,
                        String.join(", ", changed)));
            }
            return user;
        });
    }

    @Override
    public int logOutEverywhere(Principal admin, UserId id) {
        Admins.require(admin);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
            int revoked = sessions.revokeAllOf(user.id(), null, now, Session.RevokeReason.ADMIN);
            audit.record(AuditEvent.of(now, AuditEvent.Type.ADMIN_LOGOUT, user.id(), admin.user().id(), null,
                    revoked + " session(s) revoked"));
            return revoked;
        });
    }
}
