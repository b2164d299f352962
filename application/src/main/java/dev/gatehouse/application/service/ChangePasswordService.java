package dev.gatehouse.application.service;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.ChangePasswordUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

public final class ChangePasswordService implements ChangePasswordUseCase {
    private final AuditLog audit;
    static final String OLD_PASSWORD_WRONG = "Your old password was entered incorrectly. Please enter it again.";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final AccountMail mail;
    private final Transactions transactions;
    private final SettingsSource settings;
    private final Clock clock;

    public ChangePasswordService(UserRepository users, SessionRepository sessions, PasswordHasher hasher, AccountMail mail,
                                 Transactions transactions, SettingsSource settings, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.mail = mail;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void changePassword(ChangePasswordCommand command) {
        User caller = command.caller().user();
        FieldErrors errors = new FieldErrors();
        if (command.oldPassword().isOverLong() || !hasher.verify(caller.passwordHash(), command.oldPassword())) {
            errors.add("old_password", OLD_PASSWORD_WRONG);
        }
        if (command.confirmPassword() != null && !Passwords.same(command.newPassword(), command.confirmPassword())) {
            errors.add("confirm_password", Passwords.MISMATCH);
        }
        var personal = Passwords.personalValues(caller.email(), caller.profile());
        errors.addAll("new_password", settings.current().passwordPolicy().violations(command.newPassword(), personal));
        errors.throwIfAny();

        PasswordHash hash = hasher.hash(command.newPassword());
        Instant now = clock.instant();
        transactions.run(() -> {
            User user = users.findById(caller.id()).orElseThrow(() -> new NotFoundException("User"));
            user.changePassword(hash, now);
            users.update(user);
            sessions.revokeAllOf(user.id(), command.caller().sessionId(), now, Session.RevokeReason.PASSWORD_CHANGED);
            mail.notice(user, MailMessage.Template.PASSWORD_CHANGED, now);
            audit.record(AuditEvent.of(now, AuditEvent.Type.PASSWORD_CHANGED, user.id(), null, null, "other sessions revoked"));
        });
    }
}
