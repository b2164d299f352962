package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Both dialects are off unless configured, and the documented environment variables switch them on:
 * AUTH_COMPAT_DJ_REST_AUTH_ENABLED must reach the property {@code auth.compat.dj-rest-auth.enabled}, whose
 * name has dashes where the variable has underscores.
 */
@MicronautTest(transactional = false)
class DjRestAuthDialectSwitchTest extends HttpTest {

    @Test
    void withTheDialectsOffTheirPathsAreNotFound() {
        Map<String, Object> login = Map.of("email", "someone@example.com", "password", PASSWORD);
        assertProblem(postJson("/dj-rest-auth/login/", login), 404, "not_found");
        assertProblem(postJson("/dj-rest-auth/login", login), 404, "not_found");
        assertProblem(postJson("/dj-rest-auth/registration/", Map.of()), 404, "not_found");
        assertProblem(get("/dj-rest-auth/user/"), 404, "not_found");
        assertProblem(postJson("/api/login", login), 404, "not_found");
        assertProblem(postJson("/api/register", Map.of()), 404, "not_found");
        assertProblem(get("/api/me"), 404, "not_found");
        assertEquals(401, postJson("/api/auth/login", login).status(), "the API itself is there");
    }

    /** Variables as the process environment gives them: same convention and precedence as the real ones. */
    private static final class FakeEnvironmentVariables extends MapPropertySource {
        FakeEnvironmentVariables(Map<String, Object> variables) {
            super("fake-environment-variables", variables);
        }

        @Override
        public int getOrder() {
            return EnvironmentPropertySource.POSITION;
        }

        @Override
        public PropertyConvention getConvention() {
            return PropertyConvention.ENVIRONMENT_VARIABLE;
        }
    }

    @Test
    void theEnvironmentVariablesSwitchBothDialectsOn() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("auth.master-key", StandaloneServer.MASTER_KEY);
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .propertySources(new FakeEnvironmentVariables(Map.of(
                        "AUTH_COMPAT_DJ_REST_AUTH_ENABLED", "true", "AUTH_COMPAT_SIMPLE_ENABLED", "true")))
                .deduceEnvironment(false)
                .start()) {
            assertEquals(Optional.of(true), context.getProperty("auth.compat.dj-rest-auth.enabled", Boolean.class),
                    "application.yml says false; the variable wins");
            assertEquals(Optional.of(true), context.getProperty("auth.compat.simple.enabled", Boolean.class));
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            JsonMapper mapper = context.getBean(JsonMapper.class);
            String base = "http://localhost:" + server.getPort();

            Response dj = send(http, mapper, base, "POST", "/dj-rest-auth/login/", "{}", "application/json");
            assertEquals(400, dj.status(), dj.body());
            assertEquals(Map.of("password", java.util.List.of("This field is required.")), dj.map());
            Response simple = send(http, mapper, base, "POST", "/api/login", "{}", "application/json");
            assertEquals(400, simple.status(), simple.body());
            assertTrue(simple.contentType().startsWith("application/problem+json"));
        }
    }
}
