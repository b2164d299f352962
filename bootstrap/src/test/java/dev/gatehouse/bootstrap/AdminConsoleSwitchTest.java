package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AUTH_ADMIN_CONSOLE_ENABLED=false: no console at all, the admin API stays. */
@MicronautTest(transactional = false)
class AdminConsoleSwitchTest extends HttpTest {
    @Override
    Map<String, String> extraProperties() {
        return Map.of("auth.admin-console.enabled", "false");
    }

    @Test
    void theConsoleIsOffAndTheApiIsNot() {
        assertEquals(404, get("/admin/").status());
        assertEquals(404, get("/admin/login").status());
        assertEquals(200, get("/api/admin/dashboard", "Authorization", bearer(adminToken())).status());
    }
}
