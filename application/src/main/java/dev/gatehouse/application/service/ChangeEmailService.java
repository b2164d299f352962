package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.ChangeEmailUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

public final class ChangeEmailService implements ChangeEmailUseCase {
    private final UserRepository users;
    private final PasswordConfirmation passwords;
    private final AccountMail mail;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final Throttle throttle;

    public ChangeEmailService(UserRepository users, PasswordConfirmation passwords, AccountMail mail, AuditLog audit,
                              Transactions transactions, Clock clock, Throttle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.passwords = passwords;
        this.mail = mail;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void requestEmailChange(ChangeEmailCommand command) {
        // Mail to an address of the caller's choosing: counted before the password is even checked.
        throttle.admit(Throttle.Action.MAIL_REQUEST, command.client(), command.newEmail());
        passwords.require(command.caller().user(), command.password());
        Instant now = clock.instant();
        transactions.run(() -> {
            User user = users.findById(command.caller().user().id()).orElseThrow(() -> new NotFoundException("User"));
            // The link goes out even when the address is taken: the answer, the work and the mails are
            // the same either way, so the caller learns nothing; the link then fails with email_taken.
            mail.emailChangeLink(user, command.newEmail(), now);
            mail.notice(user, MailMessage.Template.EMAIL_CHANGE_REQUESTED, now);
            audit.record(AuditEvent.of(now, AuditEvent.Type.EMAIL_CHANGE_REQUESTED, user.id(), null, command.client().ip(), null));
        });
    }
}
