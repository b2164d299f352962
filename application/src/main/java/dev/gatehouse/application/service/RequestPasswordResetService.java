package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.RequestPasswordResetUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Instant;

public final class RequestPasswordResetService implements RequestPasswordResetUseCase {
    private final AuditLog audit;
    private final UserRepository users;
    private final AccountMail mail;
    private final Transactions transactions;
    private final Clock clock;
    private final Throttle throttle;
    private final EnumerationFloor floor;

    public RequestPasswordResetService(UserRepository users, AccountMail mail, Transactions transactions, Clock clock, AuditLog audit,
                                       Throttle throttle, EnumerationFloor floor) {
        this.throttle = throttle;
        this.floor = floor;
        this.audit = audit;
        this.users = users;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void requestPasswordReset(EmailAddress email, ClientInfo client) {
        floor.around(() -> {
            throttle.admit(Throttle.Action.MAIL_REQUEST, client, email);
            Instant now = clock.instant();
            // A disabled account gets no link: a reset must not be a way around an administrator's decision.
            transactions.run(() -> users.findByEmail(email).filter(user -> user.isActive())
                    .ifPresent(user -> {
                        mail.passwordResetLink(user, now);
                        audit.record(AuditEvent.of(now, AuditEvent.Type.PASSWORD_RESET_REQUESTED, user.id(), null, client.ip(), null));
                    }));
        });
    }
}
