package dev.gatehouse.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Brings existing accounts in from another system (today: Django's {@code auth.user}), password hashes
 * included, so nobody has to choose a new password. A command-line tool, never reachable over HTTP.
 */
public interface ImportUsersUseCase {

    /**
     * One account as the other system stored it. Every value is raw; the use case checks it.
     *
     * @param source       how the row is named in reports (e.g. the Django pk), never null
     * @param passwordHash the stored hash in the other system's encoding ({@code pbkdf2_sha256$…}), kept as is
     * @param dateJoined   null means the time of the import
     * @param lastLogin    null when never
     */
    record ImportedUser(String source, String email, String username, String passwordHash, String firstName, String lastName,
                        boolean active, boolean superuser, Instant dateJoined, Instant lastLogin) {
        public ImportedUser {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String toString() {
            return "ImportedUser[" + source + ", " + email + "]";
        }
    }

    /**
     * @param users          the rows, in order
     * @param emailsVerified mark every imported address as verified (the old system proved them)
     */
    record ImportUsersCommand(List<ImportedUser> users, boolean emailsVerified) {
        public ImportUsersCommand {
            users = List.copyOf(users);
        }
    }

    enum Status {
        IMPORTED,
        /** An account with this email address exists already (a re-run skips what the last run imported). */
        ALREADY_PRESENT,
        /** The row breaks a rule (bad email, username or hash; a username already taken): not imported. */
        INVALID
    }

    /** What happened to one row; {@code userId} is the new id when imported. */
    record RowOutcome(String source, String email, Status status, String userId, String reason) {
    }

    record ImportReport(List<RowOutcome> rows) {
        public ImportReport {
            rows = List.copyOf(rows);
        }

        public long count(Status status) {
            return rows.stream().filter(r -> r.status() == status).count();
        }
    }

    /**
     * Imports each row in its own transaction: a bad row is reported and skipped, the others go in.
     * Imported accounts keep their hash until their first successful login, which upgrades it.
     */
    ImportReport importUsers(ImportUsersCommand command);
}
