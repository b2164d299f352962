package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.SendPasswordResetUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;

/**
 * The same link mail as a user's own reset request, written in one transaction with its audit event;
 * no rate limit, as the caller is an administrator, and no enumeration floor, as the account is named by id.
 */
public final class SendPasswordResetService implements SendPasswordResetUseCase {
    private final UserRepository users;
    private final AccountMail mail;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public SendPasswordResetService(UserRepository users, AccountMail mail, AuditLog audit, Transactions transactions,
                                    Clock clock) {
        this.users = users;
        this.mail = mail;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void sendPasswordReset(Principal admin, UserId id) {
        Admins.require(admin);
        Instant now = clock.instant();
        transactions.run(() -> {
            User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
            mail.passwordResetLink(user, now);
            audit.record(AuditEvent.of(now, AuditEvent.Type.PASSWORD_RESET_REQUESTED, user.id(), admin.user().id(), null,
                    "sent by an administrator"));
        });
    }
}
