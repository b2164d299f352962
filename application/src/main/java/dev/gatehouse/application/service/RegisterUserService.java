package dev.gatehouse.application.service;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.RegisterUserUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class RegisterUserService implements RegisterUserUseCase {
    private final AuditLog audit;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionIssuer issuer;
    private final AccountMail mail;
    private final Transactions transactions;
    private final SettingsSource settings;
    private final Clock clock;
    private final Throttle throttle;
    private final EnumerationFloor floor;

    public RegisterUserService(UserRepository users, PasswordHasher hasher, SessionIssuer issuer, AccountMail mail,
                               Transactions transactions, SettingsSource settings, Clock clock, AuditLog audit,
                               Throttle throttle, EnumerationFloor floor) {
        this.throttle = throttle;
        this.floor = floor;
        this.audit = audit;
        this.users = users;
        this.hasher = hasher;
        this.issuer = issuer;
        this.mail = mail;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RegistrationResult register(RegisterUserCommand command) {
        throttle.admit(Throttle.Action.REGISTRATION, command.client(), command.email());
        // In mandatory mode a taken address must look exactly like a free one, in time too.
        return floor.around(() -> registerNow(command), result -> result instanceof RegistrationResult.PendingVerification);
    }

    private RegistrationResult registerNow(RegisterUserCommand command) {
        FieldErrors errors = new FieldErrors();
        if (command.confirmPassword() != null && !Passwords.same(command.password(), command.confirmPassword())) {
            errors.add("confirm_password", Passwords.MISMATCH);
        }
        var personal = Passwords.personalValues(command.email(), command.profile());
        AuthSettings current = settings.current();
        errors.addAll("password", current.passwordPolicy().violations(command.password(), personal));
        errors.throwIfAny();

        boolean mandatory = current.verificationMode() == VerificationMode.MANDATORY;
        // Hash before looking for duplicates: a taken address then costs the same time as a free one.
        PasswordHash hash = hasher.hash(command.password());
        Instant now = clock.instant();
        Outcome outcome;
        try {
            outcome = transactions.inTransaction(() -> {
                var existing = users.findByEmail(command.email());
                // Not in mode `none`: there no address is ever proved, so "unverified" says nothing about
                // ownership, and replacing would let anyone erase any account by registering its address.
                if (existing.isPresent() && current.verificationMode() != VerificationMode.NONE && unclaimed(existing.get())) {
                    // Pre-account-hijacking defence: nobody has proved this address yet, so whoever
                    // registered it first does not own it. The new registration replaces that account
                    // (a new id, password and names; its sessions and links go with the old row) and
                    // the answer is a fresh registration's, so it says nothing about the earlier one.
                    users.delete(existing.get().id());
                    audit.record(AuditEvent.of(now, AuditEvent.Type.ACCOUNT_DELETED, existing.get().id(), null,
                            command.client().ip(), "unverified account replaced by a new registration of its address"));
                    existing = java.util.Optional.empty();
                }
                if (existing.isPresent()) {
                    if (mandatory) {
                        // No enumeration: a taken address gets the same answer as a free one, and
                        // its owner, not the caller, hears about the attempt.
                        mail.notice(existing.get(), MailMessage.Template.ALREADY_REGISTERED, now);
                        return Outcome.PENDING;
                    }
                    errors.add("email", EMAIL_TAKEN);
                }
                if (command.profile().username() != null && users.findByUsername(command.profile().username()).isPresent()) {
                    errors.add("username", USERNAME_TAKEN);
                }
                errors.throwIfAny();
                User user = User.register(UserId.newId(now), command.email(), command.profile(), hash, now);
                if (mandatory) {
                    users.insert(user);
                    audit.record(AuditEvent.of(now, AuditEvent.Type.REGISTRATION, user.id(), null, command.client().ip(),
                            "verification pending"));
                    mail.verificationLink(user, now);
                    return Outcome.PENDING;
                }
                boolean signIn = command.signIn() == SignIn.START_SESSION;
                if (signIn) {
                    user.recordLogin(now);
                }
                users.insert(user);
                audit.record(AuditEvent.of(now, AuditEvent.Type.REGISTRATION, user.id(), null, command.client().ip(), null));
                if (current.verificationMode() == VerificationMode.OPTIONAL) {
                    mail.verificationLink(user, now);
                }
                return new Outcome(user, signIn ? issuer.start(user, command.client(), now) : null);
            });
        } catch (DuplicateUserException raced) {
            // Another registration with the same address or name committed between our check and insert.
            boolean email = raced.field() == DuplicateUserException.Field.EMAIL;
            if (email && mandatory) {
                return new RegistrationResult.PendingVerification();
            }
            throw new FieldErrors().add(email ? "email" : "username", email ? EMAIL_TAKEN : USERNAME_TAKEN).toException();
        }
        if (outcome.user() == null) {
            return new RegistrationResult.PendingVerification();
        }
        return new RegistrationResult.Registered(outcome.user(), Optional.ofNullable(outcome.started())
                .map(started -> issuer.tokens(outcome.user(), started, now)));
    }

    /**
     * Still nobody's: the address was never proved. Administrators are exempt (only an import can
     * make an unverified one, and an operator put it there on purpose).
     */
    static boolean unclaimed(User user) {
        return !user.isEmailVerified() && user.role() == dev.gatehouse.domain.user.Role.VIEWER;
    }

    private record Outcome(User user, SessionIssuer.StartedSession started) {
        static final Outcome PENDING = new Outcome(null, null);
    }
}
