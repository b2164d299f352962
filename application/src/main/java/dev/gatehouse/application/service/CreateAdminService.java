package dev.gatehouse.application.service;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.port.in.CreateAdminUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class CreateAdminService implements CreateAdminUseCase {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Transactions transactions;
    private final SettingsSource settings;
    private final Clock clock;

    public CreateAdminService(UserRepository users, PasswordHasher hasher, AuditLog audit, Transactions transactions,
                              SettingsSource settings, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Outcome createAdmin(EmailAddress email, PlainPassword password) {
        Instant now = clock.instant();
        Optional<User> existing = users.findByEmail(email);
        PasswordHash hash = null;
        if (existing.isEmpty()) {
            new FieldErrors().addAll("password",
                    settings.current().passwordPolicy().violations(password, Passwords.personalValues(email, null))).throwIfAny();
            hash = hasher.hash(password);
        }
        PasswordHash newHash = hash;
        return transactions.inTransaction(() -> {
            Optional<User> found = users.findByEmail(email);
            if (found.isPresent()) {
                User user = found.get();
                if (user.role() == Role.ADMIN && user.isActive()) {
                    return Outcome.ALREADY_ADMIN;
                }
                user.assignRole(Role.ADMIN);
                user.activate();
                users.update(user);
                audit.record(AuditEvent.of(now, AuditEvent.Type.ADMIN_CREATED, user.id(), null, null, "promoted from the command line"));
                return Outcome.PROMOTED;
            }
            if (newHash == null) {
                throw new IllegalStateException("the account disappeared while the command ran; run it again");
            }
            User admin = User.register(UserId.newId(now), email, Profile.EMPTY, newHash, now);
            admin.assignRole(Role.ADMIN);
            admin.confirmEmail();
            users.insert(admin);
            audit.record(AuditEvent.of(now, AuditEvent.Type.ADMIN_CREATED, admin.id(), null, null, "created from the command line"));
            return Outcome.CREATED;
        });
    }
}
