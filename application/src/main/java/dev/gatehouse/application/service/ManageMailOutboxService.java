package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.ManageMailOutboxUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MailOutboxAdministration;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

public final class ManageMailOutboxService implements ManageMailOutboxUseCase {
    public static final int MAX_PAGE_SIZE = 100;

    private final MailOutboxAdministration outbox;
    private final UserRepository users;
    private final AccountMail mail;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public ManageMailOutboxService(MailOutboxAdministration outbox, UserRepository users, AccountMail mail, AuditLog audit,
                                   Transactions transactions, Clock clock) {
        this.outbox = outbox;
        this.users = users;
        this.mail = mail;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public MailPage list(Principal admin, MailState state, int page, int size) {
        Admins.require(admin);
        int safePage = Math.max(0, page);
        int safeSize = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        MailOutboxAdministration.Page found = outbox.find(state == null ? null : MailOutboxAdministration.Status.valueOf(state.name()),
                safePage, safeSize);
        return new MailPage(found.items().stream().map(ManageMailOutboxService::view).toList(), safePage, safeSize, found.total());
    }

    @Override
    public void retry(Principal admin, long mailId) {
        Admins.require(admin);
        Instant now = clock.instant();
        transactions.run(() -> {
            MailOutboxAdministration.Envelope dead = outbox.findById(mailId)
                    .filter(m -> m.status() == MailOutboxAdministration.Status.DEAD)
                    .orElseThrow(() -> new NotFoundException("Dead mail"));
            if (dead.template() == null) {
                throw ValidationFailedException.of("mail", "This kind of mail is unknown to this version of the service.");
            }
            if (dead.template() == MailMessage.Template.EMAIL_CHANGE) {
                throw ValidationFailedException.of("mail",
                        "An email-change link cannot be sent again: the user asks for the change again.");
            }
            User user;
            try {
                user = users.findByEmail(EmailAddress.of(dead.recipient())).orElseThrow(() -> new NotFoundException("Recipient"));
            } catch (InvalidValueException e) {
                throw new NotFoundException("Recipient");
            }
            switch (dead.template()) {
                case VERIFY_EMAIL -> mail.verificationLink(user, now);
                case PASSWORD_RESET -> mail.passwordResetLink(user, now);
                default -> mail.notice(user, dead.template(), now);
            }
            if (!outbox.deleteDead(mailId)) {
                throw new NotFoundException("Dead mail"); // retried concurrently: this transaction writes nothing
            }
            audit.record(AuditEvent.of(now, AuditEvent.Type.ADMIN_MAIL_RETRIED, user.id(), admin.user().id(), null,
                    "dead mail " + mailId + " (" + dead.template().name().toLowerCase(java.util.Locale.ROOT) + ") written again"));
        });
    }

    private static OutboxMail view(MailOutboxAdministration.Envelope e) {
        return new OutboxMail(e.id(), e.template(), e.recipient(), MailState.valueOf(e.status().name()), e.attempts(), e.createdAt(),
                e.nextAttemptAt(), e.sentAt(), e.lastError());
    }
}
