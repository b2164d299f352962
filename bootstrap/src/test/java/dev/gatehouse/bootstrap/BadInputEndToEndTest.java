package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad request gets a 4xx problem+json: never a 500, never a stack trace. */
@MicronautTest(transactional = false)
class BadInputEndToEndTest extends HttpTest {
    private static final List<String> JSON_ENDPOINTS = List.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh",
            "/api/auth/logout", "/api/auth/token/verify");

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/auth/token/verify"})
    void malformedJsonIsA400(String path) {
        for (String body : List.of("{\"email\":", "{]", "nope", "{\"a\":1,}", "\"just a string\"", "[1,2]", "42")) {
            assertProblem(post(path, body), 400, "validation_failed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/auth/token/verify"})
    void unknownFieldsAreA400NamingTheField(String path) {
        Response response = post(path, "{\"surprise\":\"x\"}");
        assertProblem(response, 400, "validation_failed");
        assertEquals(List.of("Unknown field."), response.errors().get("surprise"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/auth/token/verify"})
    void emptyBodiesAndWrongContentTypes(String path) {
        assertProblem(send("POST", path, "", "application/json"), 400, "validation_failed");
        assertProblem(send("POST", path, "email=a", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
        assertProblem(send("POST", path, "{}", "text/plain"), 415, "unsupported_media_type");
    }

    @Test
    void wrongTypesAreA400() {
        assertProblem(post("/api/auth/login", "{\"email\":{\"nested\":true},\"password\":\"x\"}"), 400, "validation_failed");
        assertProblem(post("/api/auth/register", "{\"email\":\"a@example.com\",\"password\":{\"x\":1}}"), 400, "validation_failed");
        assertProblem(post("/api/auth/logout", "{\"refresh\":\"x\",\"all\":\"true\"}"), 400, "validation_failed");
        assertProblem(post("/api/auth/logout", "{\"refresh\":\"x\",\"all\":1}"), 400, "validation_failed");
    }

    @Test
    void missingFieldsAreNamed() {
        Response register = post("/api/auth/register", "{}");
        assertProblem(register, 400, "validation_failed");
        assertEquals(List.of("This field is required."), register.errors().get("email"));
        assertEquals(List.of("This field is required."), register.errors().get("password"));
        Response blank = post("/api/auth/register", "{\"email\":\"  \",\"password\":\"\"}");
        assertEquals(List.of("This field may not be blank."), blank.errors().get("email"));
        assertEquals(List.of("This field may not be blank."), blank.errors().get("password"));
        assertTrue(post("/api/auth/token/verify", "{}").errors().containsKey("token"));
        assertTrue(post("/api/auth/refresh", "{\"refresh\":null}").errors().containsKey("refresh"));
    }

    @Test
    void oversizedBodiesAreA413() {
        String huge = "{\"email\":\"" + "a".repeat(70_000) + "@example.com\",\"password\":\"x\"}";
        for (String path : JSON_ENDPOINTS) {
            assertProblem(post(path, huge), 413, "payload_too_large");
        }
    }

    @Test
    void overlongValuesInsideTheLimitAreFieldErrors() {
        Response response = post("/api/auth/register", "{\"email\":\"" + "a".repeat(300) + "@example.com\",\"password\":\""
                + "p".repeat(2000) + "\",\"username\":\"" + "u".repeat(151) + "\",\"first_name\":\"" + "f".repeat(151) + "\"}");
        assertProblem(response, 400, "validation_failed");
        assertTrue(response.errors().keySet().containsAll(List.of("email", "username", "first_name")), response.body());
        Response login = post("/api/auth/login", "{\"login\":\"" + "l".repeat(5000) + "\",\"password\":\"" + "p".repeat(5000) + "\"}");
        assertProblem(login, 401, "invalid_credentials");
    }

    @Test
    void unknownRoutesAndMethods() {
        assertProblem(get("/api/auth/nothing-here"), 404, "not_found");
        assertProblem(get("/api/auth/login"), 405, "method_not_allowed");
        assertProblem(send("DELETE", "/api/auth/login", null, null), 405, "method_not_allowed");
    }

    @Test
    void controlCharactersAndOddUnicodeDoNotBreakAnything() {
        // A NUL or a lone surrogate is refused at the edge (RequestGuardEndToEndTest); other odd characters reach the login.
        assertProblem(post("/api/auth/login", "{\"login\":\"a\\u0000b\\u202e\",\"password\":\"\\ud800\"}"), 400, "validation_failed");
        Response response = post("/api/auth/login", "{\"login\":\"a\\u0007b\\u202e\",\"password\":\"\\ufeff\"}");
        assertProblem(response, 401, "invalid_credentials");
        // A lone surrogate is not text: two such passwords would encode alike ('?'), so it is refused, never hashed.
        Response surrogate = post("/api/auth/login", "{\"login\":\"a@example.com\",\"password\":\"Pw\\ud800x\"}");
        assertEquals(400, surrogate.status(), surrogate.body());
        Response register = post("/api/auth/register", "{\"email\":\"x\\u0000@example.com\",\"password\":\"" + PASSWORD + "\"}");
        assertProblem(register, 400, "validation_failed");
        Map<String, java.util.List<String>> errors = register.errors();
        assertTrue(errors.containsKey("email"));
    }
}
