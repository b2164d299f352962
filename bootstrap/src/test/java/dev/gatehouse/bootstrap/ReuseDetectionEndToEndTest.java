package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import dev.gatehouse.application.settings.Tunables;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With no grace window, presenting a spent refresh token is theft: the whole family dies. */
@MicronautTest(transactional = false)
class ReuseDetectionEndToEndTest extends HttpTest {
    @BeforeAll
    void noGraceWindow() {
        tune(t -> new Tunables(t.accessTokenTtl(), t.refreshTokenTtl(), Duration.ZERO, t.verificationMode(),
                t.passwordMinLength(), t.rateLimits()));
    }

    @Test
    void aSpentTokenPresentedAgainRevokesTheSession() throws InterruptedException {
        String email = uniqueEmail();
        Response registered = register(email);
        Response otherDevice = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        String stolen = registered.string("refresh");
        Response legit = postJson("/api/auth/refresh", Map.of("refresh", stolen));
        assertEquals(200, legit.status());
        Thread.sleep(5);

        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", stolen)), 401, "token_reused");

        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", legit.string("refresh"))), 401, "token_not_valid");
        assertProblem(get("/api/auth/me", "Authorization", bearer(legit.string("access"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", stolen)), 401, "token_not_valid");
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(otherDevice.string("access"))).status(),
                "other sessions of the user are untouched");
    }
}
