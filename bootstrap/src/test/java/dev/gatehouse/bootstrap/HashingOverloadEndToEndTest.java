package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A flood of password work against a tiny hashing queue (one thread, one waiting slot, a slow hash): what
 * does not fit is refused at once with 503 service_unavailable and Retry-After, on every route that hashes
 * and in every dialect; never a 500.
 */
class HashingOverloadEndToEndTest {
    private static final int CLIENTS = 48;

    @Test
    void loginsAndRegistrationsBeyondTheQueueAreRefusedWith503AndRetryAfter() throws Exception {
        try (StandaloneServer gatehouse = new StandaloneServer(Map.of(
                "auth.argon2-concurrency", "1",
                "auth.argon2-queue-limit", "1",
                // About 125 ms a hash: the flood below cannot drain while it arrives.
                "auth.argon2-iterations", "10",
                "auth.compat.dj-rest-auth.enabled", "true",
                "auth.compat.simple.enabled", "true"))) {
            String email = HttpTest.uniqueEmail();
            String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}";
            assertEquals(201, gatehouse.send("POST", "/api/auth/register", credentials).status());

            List<String> paths = List.of("/api/auth/login", "/dj-rest-auth/login/", "/api/login", "/api/auth/register");
            CountDownLatch start = new CountDownLatch(1);
            Map<String, AtomicInteger> refusedByPath = new ConcurrentHashMap<>();
            List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger admitted = new AtomicInteger();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    String path = paths.get(i % paths.size());
                    String body = path.endsWith("register")
                            ? "{\"email\":\"" + HttpTest.uniqueEmail() + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}"
                            : credentials;
                    done.add(clients.submit(() -> {
                        start.await();
                        HttpTest.Response r = gatehouse.send("POST", path, body);
                        if (r.status() == 503) {
                            if (!"service_unavailable".equals(r.string("code"))
                                    || !r.contentType().startsWith("application/problem+json")
                                    || r.headers().firstValue("retry-after").isEmpty()) {
                                unexpected.add(path + ": " + r.headers().map() + " " + r.body());
                            }
                            refusedByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                        } else if (r.status() == 200 || r.status() == 201) {
                            admitted.incrementAndGet();
                        } else {
                            unexpected.add(path + ": " + r.status() + " " + r.body());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
            }
            assertTrue(unexpected.isEmpty(), "only successes and well-formed 503s: " + unexpected);
            int refused = refusedByPath.values().stream().mapToInt(AtomicInteger::get).sum();
            assertTrue(refused > 0, "some were refused");
            assertTrue(admitted.get() > 0, "some got through");
            assertEquals(CLIENTS, refused + admitted.get());
            assertTrue(refusedByPath.containsKey("/api/auth/login"), "native login refused: " + refusedByPath);

            // The flood is over: the same credentials work again, and the refusals counted no failed attempt.
            assertEquals(200, gatehouse.send("POST", "/api/auth/login", credentials).status());
        }
    }
}
