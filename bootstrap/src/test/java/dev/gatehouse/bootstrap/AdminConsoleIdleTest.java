package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AUTH_ADMIN_CONSOLE_IDLE_TIMEOUT: a console left alone longer is signed out, and its Gatehouse session ended. */
@MicronautTest(transactional = false)
class AdminConsoleIdleTest extends HttpTest {
    @Override
    Map<String, String> extraProperties() {
        return Map.of("auth.admin-console.idle-timeout", "1s");
    }

    @Test
    void anIdleConsoleIsSignedOut() throws InterruptedException {
        String email = "admin-" + uniqueEmail();
        createAdmin.createAdmin(EmailAddress.of(email), PlainPassword.of(PASSWORD));
        ConsoleBrowser browser = new ConsoleBrowser(server.getPort());
        assertEquals(303, browser.signIn(email, PASSWORD).status());
        String refresh = browser.cookies.get("gatehouse_console");
        assertEquals(200, browser.get("/admin/").status());
        Thread.sleep(1500);
        ConsoleBrowser.Page after = browser.get("/admin/users");
        assertEquals(303, after.status());
        assertEquals("/admin/login?reason=idle", after.location());
        assertTrue(browser.get(after.location()).body().contains("signed out after"));
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", refresh)), 401, "token_not_valid");
    }
}
