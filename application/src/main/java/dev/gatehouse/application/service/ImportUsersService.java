package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ImportUsersUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public final class ImportUsersService implements ImportUsersUseCase {
    private final UserRepository users;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public ImportUsersService(UserRepository users, Transactions transactions, AuditLog audit, Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A row that cannot become an account, and why. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public ImportReport importUsers(ImportUsersCommand command) {
        List<RowOutcome> outcomes = new ArrayList<>();
        for (ImportedUser row : command.users()) {
            outcomes.add(importOne(row, command.emailsVerified()));
        }
        return new ImportReport(outcomes);
    }

    private RowOutcome importOne(ImportedUser row, boolean emailsVerified) {
        User user;
        try {
            user = toUser(row, emailsVerified);
        } catch (Refused e) {
            return new RowOutcome(row.source(), row.email(), Status.INVALID, null, e.getMessage());
        }
        try {
            return transactions.inTransaction(() -> {
                if (users.findByEmail(user.email()).isPresent()) {
                    return new RowOutcome(row.source(), user.email().value(), Status.ALREADY_PRESENT, null,
                            "an account with this email address exists");
                }
                if (user.username() != null && users.findByUsername(user.username()).isPresent()) {
                    return new RowOutcome(row.source(), user.email().value(), Status.INVALID, null,
                            "the username " + user.username() + " is taken by another account");
                }
                users.insert(user);
                audit.record(AuditEvent.of(clock.instant(), AuditEvent.Type.REGISTRATION, user.id(), null, null,
                        user.role() == Role.ADMIN ? "imported (administrator)" : "imported"));
                return new RowOutcome(row.source(), user.email().value(), Status.IMPORTED, user.id().toString(), null);
            });
        } catch (DuplicateUserException raced) {
            // Someone registered the address or the name while the import ran.
            return raced.field() == DuplicateUserException.Field.EMAIL
                    ? new RowOutcome(row.source(), user.email().value(), Status.ALREADY_PRESENT, null, "an account with this email address exists")
                    : new RowOutcome(row.source(), user.email().value(), Status.INVALID, null, "the username is taken by another account");
        }
    }

    private User toUser(ImportedUser row, boolean emailsVerified) {
        if (row.email() == null || row.email().isBlank()) {
            throw new Refused("no email address (Gatehouse accounts need one)");
        }
        EmailAddress email = valid("email", () -> EmailAddress.of(row.email()));
        Username username = row.username() == null || row.username().isBlank() ? null
                : valid("username", () -> Username.of(row.username()));
        String firstName = valid("first_name", () -> Profile.name(row.firstName()));
        String lastName = valid("last_name", () -> Profile.name(row.lastName()));
        if (row.passwordHash() == null || row.passwordHash().isEmpty()) {
            throw new Refused("no password hash");
        }
        PasswordHash hash;
        try {
            hash = new PasswordHash(row.passwordHash());
        } catch (IllegalArgumentException e) {
            throw new Refused("the password hash is in no known format");
        }
        Instant now = clock.instant();
        Instant joined = row.dateJoined() == null ? now : row.dateJoined();
        return User.reconstitute(UserId.newId(now), email, new Profile(username, firstName, lastName, null, null),
                row.superuser() ? Role.ADMIN : Role.VIEWER, row.active(), emailsVerified, hash, now, joined, row.lastLogin(), now);
    }

    private static <T> T valid(String field, java.util.function.Supplier<T> construct) {
        try {
            return construct.get();
        } catch (InvalidValueException e) {
            throw new Refused(field + ": " + e.getMessage());
        }
    }
}
