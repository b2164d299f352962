package db.migration;

import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.Username;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Recomputes {@code email}, {@code email_canonical} and {@code username_canonical} with the
 * domain's own rules (UTS #46 / IDNA ASCII domains, NFKC_Casefold usernames). SQL cannot compute
 * an A-label, so this migration is Java and calls the value objects: the rule lives once.
 *
 * <p>It fails, changing nothing, when an address is no longer accepted (a non-ASCII local part,
 * say) or when two accounts turn out to be one mailbox or one username. Which of two accounts
 * is the real owner is an operator's decision, not a migration's; the message names the user ids.
 */
public class V4__canonical_identities extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        record Row(UUID id, String email, String emailCanonical, String usernameCanonical) {
        }
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, UUID> emails = new HashMap<>();
        Map<String, UUID> usernames = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, email, username FROM users ORDER BY date_joined, id")) {
            while (rs.next()) {
                UUID id = rs.getObject("id", UUID.class);
                String username = rs.getString("username");
                EmailAddress email;
                try {
                    email = EmailAddress.of(rs.getString("email"));
                } catch (InvalidValueException e) {
                    problems.add("user " + id + ": stored email address is no longer accepted (" + e.getMessage() + ")");
                    continue;
                }
                UUID other = emails.putIfAbsent(email.canonical(), id);
                if (other != null) {
                    problems.add("users " + other + " and " + id + ": same mailbox");
                }
                String usernameCanonical = username == null ? null : Username.canonicalOf(username);
                if (usernameCanonical != null) {
                    UUID otherName = usernames.putIfAbsent(usernameCanonical, id);
                    if (otherName != null) {
                        problems.add("users " + otherName + " and " + id + ": same username");
                    }
                }
                rows.add(new Row(id, email.value(), email.canonical(), usernameCanonical));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("V4 canonical identities: resolve these accounts first (merge, rename "
                    + "or delete), then start again: " + String.join("; ", problems));
        }
        // Two passes through a temporary value, so that swapping canonical forms never trips the unique indexes.
        try (PreparedStatement clear = c.prepareStatement(
                "UPDATE users SET email_canonical = '#' || id::text, username_canonical = CASE WHEN username IS NULL THEN NULL ELSE '#' || id::text END")) {
            clear.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE users SET email = ?, email_canonical = ?, username_canonical = ? WHERE id = ?")) {
            for (Row row : rows) {
                update.setString(1, row.email());
                update.setString(2, row.emailCanonical());
                update.setString(3, row.usernameCanonical());
                update.setObject(4, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
