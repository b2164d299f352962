package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.MailOutbox.PendingMail;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.user.EmailAddress;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class JdbcMailOutboxTest extends PostgresTest {
    @Inject
    JdbcMailOutbox outbox;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @BeforeEach
    void emptyOutbox() {
        transactions.run(() -> jdbc.execute(c -> c.createStatement().executeUpdate("DELETE FROM mail_outbox")));
    }

    private static MailMessage mail(String secret) {
        return new MailMessage(MailMessage.Template.PASSWORD_RESET, EmailAddress.of("o." + unique() + "@example.com"),
                Map.of("link", "https://app.example/reset?token=" + secret, "name", "Ada & \"Bob\"\nline two"));
    }

    @Test
    void parametersAreSealedAtRestAndComeBackIntact() {
        String secret = "SECRET" + unique();
        MailMessage message = mail(secret);
        outbox.enqueue(message, now());

        byte[] stored = transactions.inTransaction(() -> jdbc.execute(c -> {
            var rs = c.createStatement().executeQuery("SELECT parameters FROM mail_outbox");
            rs.next();
            return rs.getBytes(1);
        }));
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(secret), "no token in clear in the database");

        List<PendingMail> claimed = outbox.claimDue(now(), 10, Duration.ofMinutes(1));
        assertEquals(1, claimed.size());
        assertEquals(message.parameters(), claimed.getFirst().message().parameters());
        assertEquals(message.to(), claimed.getFirst().message().to());
        assertEquals(1, claimed.getFirst().attempts());
    }

    @Test
    void aClaimedMailIsLeasedAndRetriesWaitForTheirTime() {
        outbox.enqueue(mail("a"), now());
        Instant now = now();
        PendingMail first = outbox.claimDue(now, 10, Duration.ofMinutes(1)).getFirst();
        assertTrue(outbox.claimDue(now, 10, Duration.ofMinutes(1)).isEmpty(), "leased");

        outbox.scheduleRetry(first.id(), now.plusSeconds(30), "relay down");
        assertTrue(outbox.claimDue(now.plusSeconds(29), 10, Duration.ofMinutes(1)).isEmpty(), "not due yet");
        PendingMail second = outbox.claimDue(now.plusSeconds(30), 10, Duration.ofMinutes(1)).getFirst();
        assertEquals(2, second.attempts());

        assertEquals(1, outbox.claimDue(now.plusSeconds(91), 10, Duration.ofMinutes(1)).size(), "an expired lease frees the mail");
        outbox.markSent(second.id(), now.plusSeconds(92));
        assertTrue(outbox.claimDue(now.plusSeconds(500), 10, Duration.ofMinutes(1)).isEmpty(), "sent mail is done");
    }

    @Test
    void deadMailIsNeverClaimedAgain() {
        outbox.enqueue(mail("d"), now());
        PendingMail claimed = outbox.claimDue(now(), 10, Duration.ofMinutes(1)).getFirst();
        outbox.markDead(claimed.id(), now(), "gave up");
        assertTrue(outbox.claimDue(now().plusSeconds(3600), 10, Duration.ofMinutes(1)).isEmpty());
    }

    @Test
    void aBatchComesOutInTheOrderTheMailsWereWritten() {
        // Two reset links to one address, the second superseding the first: the valid one must go out last.
        List<String> written = new ArrayList<>();
        Instant at = now();
        for (int i = 0; i < 40; i++) {
            MailMessage message = mail("o" + i);
            outbox.enqueue(message, at);
            written.add(message.parameters().get("link"));
        }
        List<String> claimed = outbox.claimDue(at.plusSeconds(1), 40, Duration.ofMinutes(5)).stream()
                .map(m -> m.message().parameters().get("link")).toList();
        assertEquals(written, claimed);
    }

    @Test
    void concurrentClaimsNeverShareAMail() throws Exception {
        int mails = 60;
        for (int i = 0; i < mails; i++) {
            outbox.enqueue(mail("c" + i), now());
        }
        Instant now = now().plusSeconds(1);
        CountDownLatch start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        List<Future<List<Long>>> workers = new ArrayList<>();
        try {
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (List<PendingMail> batch = outbox.claimDue(now, 5, Duration.ofMinutes(5)); !batch.isEmpty();
                         batch = outbox.claimDue(now, 5, Duration.ofMinutes(5))) {
                        batch.forEach(m -> mine.add(m.id()));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<Long>> worker : workers) {
                all.addAll(worker.get());
            }
            Set<Long> distinct = new HashSet<>(all);
            assertEquals(mails, all.size(), "every mail claimed");
            assertEquals(mails, distinct.size(), "and none twice");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMailThatCannotBeOpenedIsMarkedDeadInsteadOfBlockingTheQueue() {
        outbox.enqueue(mail("x"), now());
        transactions.run(() -> jdbc.execute(c -> c.createStatement().executeUpdate(
                "UPDATE mail_outbox SET parameters = '\\x00112233'::bytea")));
        outbox.enqueue(mail("y"), now());
        List<PendingMail> claimed = outbox.claimDue(now().plusSeconds(1), 10, Duration.ofMinutes(1));
        assertEquals(1, claimed.size(), "the readable mail still goes out");
        String status = transactions.inTransaction(() -> jdbc.execute(c -> {
            var rs = c.createStatement().executeQuery("SELECT status FROM mail_outbox ORDER BY id LIMIT 1");
            rs.next();
            return rs.getString(1);
        }));
        assertEquals("DEAD", status);
    }

    @Test
    void parameterEncodingSurvivesAwkwardValues() {
        Map<String, String> values = Map.of("a=b", "x=y&z\n%", "empty", "", "unicode", "Zoë 😀");
        assertEquals(values, JdbcMailOutbox.decode(JdbcMailOutbox.encode(values)));
    }
}
