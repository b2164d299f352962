package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.domain.token.TokenHash;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import dev.gatehouse.adapter.out.persistence.TestDatabase;
import java.sql.DriverManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

/** N clients refreshing one token at the same instant: all succeed, and exactly one successor exists. */
@MicronautTest(transactional = false)
class ConcurrentRefreshEndToEndTest extends HttpTest {
    private static final int PARALLEL = 16;

    @RepeatedTest(3)
    void parallelRefreshesOfOneTokenYieldOneSuccessor() throws Exception {
        String refresh = register(uniqueEmail()).string("refresh");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < PARALLEL; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return postJson("/api/auth/refresh", Map.of("refresh", refresh));
                }));
            }
            start.countDown();
            Set<String> successors = new HashSet<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertEquals(200, response.status(), response.body());
                successors.add(response.string("refresh"));
            }
            assertEquals(1, successors.size(), "every racer received the same successor");

            long[] counts = tokensOfSession(refresh);
            assertEquals(2, counts[0], "the family holds the original and one successor, nothing more");
            assertEquals(1, counts[1], "only the original is spent");
            assertEquals(200, postJson("/api/auth/refresh", Map.of("refresh", successors.iterator().next())).status());
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] tokensOfSession(String refresh) throws SQLException {
        Map<String, String> db = TestDatabase.properties();
        try (Connection c = DriverManager.getConnection(db.get("datasources.default.url"), db.get("datasources.default.username"),
                db.get("datasources.default.password"));
             PreparedStatement ps = c.prepareStatement("SELECT count(*), count(spent_at) FROM refresh_tokens WHERE session_id = "
                     + "(SELECT session_id FROM refresh_tokens WHERE token_hash = ?)")) {
            ps.setBytes(1, TokenHash.of(refresh).bytes());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
