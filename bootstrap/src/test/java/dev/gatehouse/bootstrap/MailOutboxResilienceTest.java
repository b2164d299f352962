package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.out.persistence.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The outbox keeps its promises: an SMTP outage loses nothing, racing dispatchers send each mail once. */
class MailOutboxResilienceTest {

    @Test
    void mailWrittenDuringAnSmtpOutageIsDeliveredWhenTheRelayReturns() throws Exception {
        try (Mailbox mailbox = new Mailbox(); StandaloneServer gatehouse = new StandaloneServer(mailbox.smtpProperties())) {
            mailbox.stop();
            String email = HttpTest.uniqueEmail();
            HttpTest.Response registered = gatehouse.send("POST", "/api/auth/register",
                    "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}");
            assertEquals(201, registered.status(), "registration does not wait for the relay");
            gatehouse.send("POST", "/api/auth/password/reset", "{\"email\":\"" + email + "\"}");

            long deadline = System.currentTimeMillis() + 10_000;
            Row row = outboxRow(email, "VERIFY_EMAIL");
            while (row.attempts() < 2 && System.currentTimeMillis() < deadline) {
                Mailbox.sleep(100);
                row = outboxRow(email, "VERIFY_EMAIL");
            }
            assertEquals("PENDING", row.status());
            assertTrue(row.attempts() >= 2, "retried while the relay was down: " + row);
            assertTrue(row.lastError().contains("SMTP delivery"), row.lastError());

            mailbox.start();
            mailbox.await(email, 2);
            Mailbox.sleep(500);
            assertEquals(2, mailbox.to(email).size(), "both mails, once each");
            assertEquals("SENT", outboxRow(email, "VERIFY_EMAIL").status());
            assertEquals("SENT", outboxRow(email, "PASSWORD_RESET").status());
            assertTrue(outboxRow(email, "PASSWORD_RESET").parametersErased(), "the sealed token link is erased once sent");
        }
    }

    @Test
    void aFailedAttemptLogsOneLineWithItsCauseAndNoStackTrace() throws Exception {
        try (Mailbox mailbox = new Mailbox()) {
            Map<String, String> properties = new HashMap<>(mailbox.smtpProperties());
            // One attempt only in this test: the next one is an hour away.
            properties.put("auth.mail-first-retry", "1h");
            properties.put("auth.mail-max-retry", "1h");
            try (StandaloneServer gatehouse = new StandaloneServer(properties)) {
                mailbox.stop();
                ListAppender<ILoggingEvent> log = new ListAppender<>();
                Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
                log.start();
                root.addAppender(log);
                try {
                    String email = HttpTest.uniqueEmail();
                    assertEquals(201, gatehouse.send("POST", "/api/auth/register",
                            "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}").status());
                    // The dispatcher logs whatever it logs for the attempt before the outbox's own line: once that
                    // line is there, everything the attempt logged is.
                    long deadline = System.currentTimeMillis() + 15_000;
                    while (failures(log).isEmpty() && System.currentTimeMillis() < deadline) {
                        Mailbox.sleep(50);
                    }
                    List<ILoggingEvent> warnings = new ArrayList<>();
                    synchronized (log) {
                        for (ILoggingEvent event : log.list) {
                            if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                                warnings.add(event);
                            }
                        }
                    }
                    assertEquals(1, warnings.size(), "one line for one attempt: " + warnings);
                    ILoggingEvent line = warnings.getFirst();
                    assertEquals(null, line.getThrowableProxy(), "no stack trace");
                    String message = line.getFormattedMessage();
                    assertTrue(message.contains("attempt 1 failed: SMTP delivery to 127.0.0.1:" + mailbox.port()), message);
                    assertTrue(message.contains("Connection refused"), "the cause: " + message);
                    assertTrue(message.endsWith("(next try in 1 h)"), message);
                    assertTrue(!message.contains(email), "no address in the log: " + message);
                } finally {
                    root.detachAppender(log);
                }
            }
        }
    }

    private static List<ILoggingEvent> failures(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getFormattedMessage().contains("attempt 1 failed")).toList();
        }
    }

    @Test
    void twoInstancesDispatchingTheSameOutboxSendEachMailOnce() {
        int users = 30;
        try (Mailbox mailbox = new Mailbox()) {
            Map<String, String> quiet = new HashMap<>(mailbox.smtpProperties());
            quiet.put("auth.mail-dispatcher-enabled", "false");
            List<String> emails = new ArrayList<>();
            try (StandaloneServer writer = new StandaloneServer(quiet)) {
                for (int i = 0; i < users; i++) {
                    String email = HttpTest.uniqueEmail();
                    emails.add(email);
                    assertEquals(201, writer.send("POST", "/api/auth/register",
                            "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}").status());
                }
            }
            Map<String, String> racing = new HashMap<>(mailbox.smtpProperties());
            racing.put("auth.mail-poll-interval", "20ms");
            racing.put("auth.mail-batch-size", "3");
            try (StandaloneServer a = new StandaloneServer(racing); StandaloneServer b = new StandaloneServer(racing)) {
                for (String email : emails) {
                    mailbox.await(email, 1);
                }
                Mailbox.sleep(500);
            }
            Set<String> recipients = new HashSet<>();
            for (String email : emails) {
                assertEquals(1, mailbox.to(email).size(), "exactly one mail for " + email);
                recipients.add(email);
            }
            assertEquals(users, recipients.size());
        }
    }

    record Row(String status, int attempts, String lastError, boolean parametersErased) {
    }

    private static Row outboxRow(String recipient, String template) throws SQLException {
        Map<String, String> db = TestDatabase.properties();
        try (Connection c = DriverManager.getConnection(db.get("datasources.default.url"), db.get("datasources.default.username"),
                db.get("datasources.default.password"));
             PreparedStatement ps = c.prepareStatement("SELECT status, attempts, coalesce(last_error, ''), parameters IS NULL "
                     + "FROM mail_outbox WHERE recipient = ? AND template = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, recipient);
            ps.setString(2, template);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Row("MISSING", 0, "", false);
                }
                return new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4));
            }
        }
    }
}
