package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/targets.md: database cut → 503 after one wait for the pool on every route, the first request included,
 * and recovery without a restart. It prints the times it saw ([outage]).
 */
class DatabaseOutageEndToEndTest {

    @Test
    void aCutDatabaseGives503AndTheServiceRecoversByItself() throws Exception {
        try (TcpProxy proxy = new TcpProxy(StandaloneServer.databaseHost(), StandaloneServer.databasePort());
             StandaloneServer gatehouse = new StandaloneServer(Map.of(
                     "datasources.default.url", StandaloneServer.databaseUrlVia("127.0.0.1", proxy.port()),
                     "datasources.default.connection-timeout", "2000",
                     "datasources.default.validation-timeout", "1000"))) {
            String email = HttpTest.uniqueEmail();
            HttpTest.Response registered = gatehouse.send("POST", "/api/auth/register",
                    "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}");
            assertEquals(201, registered.status(), registered.body());
            String auth = HttpTest.bearer(registered.string("access"));

            proxy.cut();
            // The first request after the cut, and then each kind of request: each waits for the pool once
            // (connection-timeout 2 s here) and answers 503. Waiting twice (once more for the runtime
            // settings, as the settings reload on request threads used to) would take 4 s or more.
            StringBuilder figures = new StringBuilder();
            HttpTest.Response during = null;
            for (String[] call : new String[][] {
                    {"GET", "/api/auth/me", null},
                    {"POST", "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}"},
                    {"POST", "/api/auth/refresh", "{\"refresh\":\"" + registered.string("refresh") + "\"}"},
                    {"POST", "/api/auth/register", "{\"email\":\"" + HttpTest.uniqueEmail() + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}"},
                    {"POST", "/api/auth/password/reset", "{\"email\":\"" + email + "\"}"}}) {
                long started = System.nanoTime();
                HttpTest.Response response = call[1].endsWith("/me")
                        ? gatehouse.send(call[0], call[1], null, "Authorization", auth) : gatehouse.send(call[0], call[1], call[2]);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                HttpTest.assertProblem(response, 503, "service_unavailable");
                assertTrue(response.headers().firstValue("retry-after").isPresent(), call[1]);
                assertTrue(took.compareTo(Duration.ofMillis(3900)) < 0, call[1] + ": 503 after one pool wait, took " + took);
                figures.append(String.format(" %s %d ms", call[1], took.toMillis()));
                during = during == null ? response : during;
            }
            System.out.println("[outage] first 503 per route (connection-timeout 2000 ms):" + figures);
            assertEquals(503, gatehouse.send("GET", "/health/readiness", null).status());
            assertEquals(200, gatehouse.send("GET", "/health/liveness", null).status(), "alive, just not ready");
            HttpTest.Response health = gatehouse.send("GET", "/health", null);
            assertEquals(200, health.status(), "/health is liveness: a database outage must not get the instance restarted");
            assertEquals("UP", health.string("status"));

            proxy.restore();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != 200) {
                status = gatehouse.send("GET", "/api/auth/me", null, "Authorization", auth).status();
                if (status != 200) {
                    Thread.sleep(250);
                }
            }
            assertEquals(200, status, "recovered without a restart: " + gatehouse.send("GET", "/api/auth/me", null, "Authorization", auth).body());
            assertEquals(200, gatehouse.send("POST", "/api/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}").status());
        }
    }
}
