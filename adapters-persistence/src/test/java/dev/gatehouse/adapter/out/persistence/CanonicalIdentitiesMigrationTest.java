package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import db.migration.V4__canonical_identities;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** V4 on rows written by the old rules, in a scratch schema shaped like {@code users}. */
@MicronautTest(transactional = false)
class CanonicalIdentitiesMigrationTest extends PostgresTest {
    private static Context on(Connection c) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return c;
            }
        };
    }

    private interface Body {
        void run(Connection c, Statement s) throws Exception;
    }

    private void inScratchSchema(Body body) throws Exception {
        String schema = "v4_" + unique().replace("-", "");
        // A plain JDBC connection of its own, as Flyway gives a migration (the schema exists once the context started).
        var p = TestDatabase.properties();
        try (Connection c = DriverManager.getConnection(p.get("datasources.default.url"), p.get("datasources.default.username"),
                p.get("datasources.default.password")); Statement s = c.createStatement()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("CREATE TABLE " + schema + ".users (LIKE public.users INCLUDING ALL)");
                s.execute("SET LOCAL search_path TO " + schema);
                body.run(c, s);
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        }
    }

    private static void insert(Statement s, String email, String canonical, String username, String usernameCanonical) throws Exception {
        s.execute("INSERT INTO users (id, email, email_canonical, username, username_canonical, role, is_active, email_verified, "
                + "password_hash, password_changed_at, date_joined) VALUES ('" + UUID.randomUUID() + "', '" + email + "', '"
                + canonical + "', " + (username == null ? "NULL" : "'" + username + "'") + ", "
                + (usernameCanonical == null ? "NULL" : "'" + usernameCanonical + "'")
                + ", 'VIEWER', true, false, 'x', now(), clock_timestamp())");
    }

    @Test
    void backfillsTheCanonicalFormsOfOldRows() throws Exception {
        inScratchSchema((c, s) -> {
            insert(s, "Kate@exämple.net", "kate@exämple.net", "ﬁnn", "ﬁnn");
            insert(s, "bob@example.com", "bob@example.com", null, null);
            new V4__canonical_identities().migrate(on(c));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT email, email_canonical, username, username_canonical FROM users ORDER BY date_joined")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                }
            }
            assertEquals(List.of("Kate@xn--exmple-cua.net|kate@xn--exmple-cua.net|ﬁnn|finn", "bob@example.com|bob@example.com|null|null"), rows);
        });
    }

    @Test
    void refusesToMergeTwoAccountsThatAreOneMailboxOrOneName() throws Exception {
        inScratchSchema((c, s) -> {
            insert(s, "kate@exämple.net", "kate@exämple.net", "alice", "alice");
            insert(s, "kate@xn--exmple-cua.net", "kate@xn--exmple-cua.net", "ａlice", "ａlice");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new V4__canonical_identities().migrate(on(c)));
            assertTrue(e.getMessage().contains("same mailbox") && e.getMessage().contains("same username"), e.getMessage());
        });
    }

    @Test
    void refusesAnAddressTheNewRulesNoLongerAccept() throws Exception {
        inScratchSchema((c, s) -> {
            insert(s, "josé@example.com", "josé@example.com", null, null);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new V4__canonical_identities().migrate(on(c)));
            assertTrue(e.getMessage().contains("no longer accepted"), e.getMessage());
        });
    }
}
