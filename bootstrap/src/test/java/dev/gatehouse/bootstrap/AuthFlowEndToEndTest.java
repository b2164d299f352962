package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuthFlowEndToEndTest extends HttpTest {

    @Test
    void registrationReturnsATokenPairAndTheUser() {
        String email = uniqueEmail();
        Response response = postJson("/api/auth/register", Map.of("email", email.toUpperCase(), "password", PASSWORD,
                "username", "Reg " + email.substring(5, 17), "first_name", "Ada", "confirm_password", PASSWORD));
        assertEquals(201, response.status(), response.body());
        assertEquals("no-store", response.headers().firstValue("cache-control").orElse(""));
        Map<String, Object> body = response.map();
        assertEquals("Bearer", body.get("token_type"));
        assertEquals(43, ((String) body.get("refresh")).length());
        assertTrue(Instant.parse((String) body.get("access_expires_at")).isAfter(Instant.now().plusSeconds(240)));
        assertTrue(Instant.parse((String) body.get("refresh_expires_at")).isAfter(Instant.now().plusSeconds(29L * 24 * 3600)));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) body.get("user");
        assertEquals("viewer", user.get("role"));
        assertEquals(false, user.get("email_verified"));
        assertEquals(true, user.get("is_active"));
        assertEquals("Ada", user.get("first_name"));
        assertTrue(user.containsKey("phone_number") && user.get("phone_number") == null, "null fields are present");
        assertEquals('7', ((String) user.get("id")).charAt(14), "ids are UUIDv7");

        Map<String, Object> header = decode(((String) body.get("access")).split("\\.")[0]);
        assertEquals("ES256", header.get("alg"));
        assertEquals("at+jwt", header.get("typ"));
        assertTrue(header.get("kid") instanceof String);
        Map<String, Object> claims = decode(((String) body.get("access")).split("\\.")[1]);
        assertEquals(user.get("id"), claims.get("sub"));
        for (String claim : List.of("iss", "aud", "exp", "iat", "jti", "sid", "role", "email_verified")) {
            assertTrue(claims.containsKey(claim), "claim " + claim);
        }
        assertEquals(List.of("pwd"), claims.get("amr"));
        assertEquals("aal1", claims.get("aal"));
        assertEquals("gatehouse-web", claims.get("client_id"), "RFC 9068 requires client_id");
        assertFalse(claims.containsKey("scope"), "no scope was asked for");

        Response refreshed = postJson("/api/auth/refresh", Map.of("refresh", body.get("refresh")));
        assertEquals(200, refreshed.status(), refreshed.body());
        Map<String, Object> again = decode(((String) refreshed.map().get("access")).split("\\.")[1]);
        assertEquals(claims.get("sid"), again.get("sid"));
        assertEquals(List.of("pwd"), again.get("amr"), "a refreshed token says how the session was opened");
        assertEquals("gatehouse-web", again.get("client_id"));
    }

    @Test
    void registrationRefusesDuplicatesWeakPasswordsAndBadFieldsAllAtOnce() {
        String email = uniqueEmail();
        markVerified(register(email).map().get("user") instanceof Map<?, ?> u ? (String) u.get("id") : null);
        Response duplicate = postJson("/api/auth/register", Map.of("email", email.toUpperCase(), "password", PASSWORD));
        assertProblem(duplicate, 400, "validation_failed");
        assertEquals(List.of("A user with this email already exists."), duplicate.errors().get("email"));

        Response weak = postJson("/api/auth/register", Map.of("email", "bad-address", "password", "password123",
                "username", " spaced", "confirm_password", "other"));
        assertProblem(weak, 400, "validation_failed");
        assertTrue(weak.errors().containsKey("email"));
        assertTrue(weak.errors().containsKey("username"));

        Response common = postJson("/api/auth/register", Map.of("email", uniqueEmail(), "password", "password123",
                "confirm_password", "different password"));
        assertTrue(common.errors().get("password").contains("This password is too common."), common.body());
        assertTrue(common.errors().containsKey("confirm_password"));

        Response similar = postJson("/api/auth/register", Map.of("email", uniqueEmail(), "password", "Bartholomew-1",
                "first_name", "Bartholomew"));
        assertProblem(similar, 400, "validation_failed");
        assertEquals(Map.of("password", List.of("The password is too similar to the first name.")), similar.errors());

        Response tooLong = postJson("/api/auth/register", Map.of("email", uniqueEmail(), "password", "é".repeat(513)));
        assertTrue(tooLong.errors().get("password").getFirst().contains("too long"), tooLong.body());
    }

    @Test
    void loginByEmailUsernameOrLoginAndIdenticalRefusals() {
        String email = uniqueEmail();
        String username = "login" + email.substring(5, 13);
        postJson("/api/auth/register", Map.of("email", email, "password", PASSWORD, "username", username));

        assertEquals(200, postJson("/api/auth/login", Map.of("email", email.toUpperCase(), "password", PASSWORD)).status());
        assertEquals(200, postJson("/api/auth/login", Map.of("username", username.toUpperCase(), "password", PASSWORD)).status());
        Response byLogin = postJson("/api/auth/login", Map.of("login", username, "password", PASSWORD));
        assertEquals(200, byLogin.status());
        assertTrue(byLogin.map().get("user") instanceof Map);

        Response wrongPassword = postJson("/api/auth/login", Map.of("email", email, "password", "not the password"));
        Response unknownEmail = postJson("/api/auth/login", Map.of("email", "nobody-" + email, "password", "not the password"));
        Response unknownUsername = postJson("/api/auth/login", Map.of("username", "nobody" + username, "password", "x"));
        assertProblem(wrongPassword, 401, "invalid_credentials");
        assertEquals(wrongPassword.body(), unknownEmail.body());
        assertEquals(wrongPassword.body(), unknownUsername.body());
        assertEquals(unknownEmail.status(), unknownUsername.status());

        Response missing = postJson("/api/auth/login", Map.of());
        assertProblem(missing, 400, "validation_failed");
        assertTrue(missing.errors().containsKey("login") && missing.errors().containsKey("password"));
    }

    @Test
    void refreshRotatesAndAGraceRepeatGetsTheSameSuccessor() {
        Response registered = register(uniqueEmail());
        String first = registered.string("refresh");

        Response rotated = postJson("/api/auth/refresh", Map.of("refresh", first));
        assertEquals(200, rotated.status(), rotated.body());
        String second = rotated.string("refresh");
        assertNotEquals(first, second);
        assertFalse(rotated.map().containsKey("user"), "user is omitted on refresh");
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(rotated.string("access"))).status());

        Response repeat = postJson("/api/auth/refresh", Map.of("refresh", first));
        assertEquals(200, repeat.status(), "a repeat inside the grace window succeeds");
        assertEquals(second, repeat.string("refresh"), "and gets the same successor");

        Response third = postJson("/api/auth/refresh", Map.of("refresh", second));
        assertEquals(200, third.status());
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", "x".repeat(43))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", "short")), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of()), 400, "validation_failed");
    }

    @Test
    void logoutEndsTheSessionAndIsIdempotent() {
        Response registered = register(uniqueEmail());
        String refresh = registered.string("refresh");
        String access = registered.string("access");

        Response out = postJson("/api/auth/logout", Map.of("refresh", refresh));
        assertEquals(200, out.status());
        assertEquals("Successfully logged out.", out.string("detail"));
        assertEquals(200, postJson("/api/auth/logout", Map.of("refresh", refresh)).status(), "idempotent");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", refresh)), 401, "token_not_valid");
        assertProblem(get("/api/auth/me", "Authorization", bearer(access)), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/token/verify", Map.of("token", access)), 401, "token_not_valid");
    }

    @Test
    void logoutAllNeedsABearerTokenAndEndsEverySession() {
        String email = uniqueEmail();
        Response a = register(email);
        Response b = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));

        assertProblem(postJson("/api/auth/logout", Map.of("all", true)), 401, "not_authenticated");
        assertProblem(postJson("/api/auth/logout", Map.of("all", "yes")), 400, "validation_failed");
        assertEquals(200, postJson("/api/auth/logout", Map.of("all", true), "Authorization", bearer(a.string("access"))).status());
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", b.string("refresh"))), 401, "token_not_valid");
        assertProblem(get("/api/auth/me", "Authorization", bearer(b.string("access"))), 401, "token_not_valid");
    }

    @Test
    void tokenVerifyAcceptsLiveTokensOnly() {
        Response registered = register(uniqueEmail());
        Response ok = postJson("/api/auth/token/verify", Map.of("token", registered.string("access")));
        assertEquals(200, ok.status());
        assertEquals("{}", ok.body());

        Response bad = postJson("/api/auth/token/verify", Map.of("token", registered.string("access") + "x"));
        assertProblem(bad, 401, "token_not_valid");
        assertEquals("Token is invalid or expired", bad.string("detail"));
        assertProblem(postJson("/api/auth/token/verify", Map.of("token", registered.string("refresh"))), 401, "token_not_valid");
    }

    @Test
    void meNeedsAValidBearerToken() {
        assertProblem(get("/api/auth/me"), 401, "not_authenticated");
        assertProblem(get("/api/auth/me", "Authorization", "Basic abc"), 401, "not_authenticated");
        assertProblem(get("/api/auth/me", "Authorization", "Bearer not.a.jwt"), 401, "token_not_valid");
        Response registered = register(uniqueEmail());
        Response me = get("/api/auth/me", "Authorization", bearer(registered.string("access")));
        assertEquals(200, me.status());
        assertEquals("no-store", me.headers().firstValue("cache-control").orElse(""));
    }

    @Test
    void putReplacesPatchMergesAndReadOnlyFieldsAreGuarded() {
        String email = uniqueEmail();
        Response registered = register(email);
        String auth = bearer(registered.string("access"));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) registered.map().get("user");

        Response patched = send("PATCH", "/api/auth/me", "{\"first_name\":\"Ada\",\"phone_number\":\"+1 555 0100\"}",
                "application/json", "Authorization", auth);
        assertEquals(200, patched.status(), patched.body());
        assertEquals("Ada", patched.string("first_name"));
        assertEquals("+1 555 0100", patched.string("phone_number"));

        Response patchedAgain = send("PATCH", "/api/auth/me", "{\"username\":\"John Smith " + email.substring(5, 11) + "\"}",
                "application/json", "Authorization", auth);
        assertEquals(200, patchedAgain.status(), patchedAgain.body());
        assertEquals("Ada", patchedAgain.string("first_name"), "PATCH keeps what was not sent");

        Map<String, Object> echo = new HashMap<>(user);
        echo.put("last_name", "Lovelace");
        echo.remove("first_name");
        echo.remove("phone_number");
        echo.remove("username");
        echo.remove("avatar");
        Response put = send("PUT", "/api/auth/me", write(echo), "application/json", "Authorization", auth);
        assertEquals(200, put.status(), "read-only fields with their current values are ignored: " + put.body());
        assertEquals("Lovelace", put.string("last_name"));
        assertEquals("", put.string("first_name"), "PUT clears what was not sent");
        assertNull(put.map().get("phone_number"));
        assertNull(put.map().get("username"));

        Response readOnly = send("PATCH", "/api/auth/me", "{\"role\":\"admin\",\"email\":\"other@example.com\",\"is_active\":true}",
                "application/json", "Authorization", auth);
        assertProblem(readOnly, 400, "validation_failed");
        assertEquals(List.of("This field is read-only."), readOnly.errors().get("role"));
        assertTrue(readOnly.errors().containsKey("email"));
        assertFalse(readOnly.errors().containsKey("is_active"), "same value: ignored");

        Response unknown = send("PATCH", "/api/auth/me", "{\"nickname\":\"x\",\"first_name\":7}", "application/json", "Authorization", auth);
        assertProblem(unknown, 400, "validation_failed");
        assertTrue(unknown.errors().containsKey("nickname") && unknown.errors().containsKey("first_name"));

        Response badValues = send("PATCH", "/api/auth/me", "{\"avatar\":\"javascript:alert(1)\",\"phone_number\":\"call me\"}",
                "application/json", "Authorization", auth);
        assertTrue(badValues.errors().containsKey("avatar") && badValues.errors().containsKey("phone_number"), badValues.body());
        assertEquals("Lovelace", get("/api/auth/me", "Authorization", auth).string("last_name"), "a refused update changes nothing");
    }

    @Test
    void usernamesStayUniqueOnUpdate() {
        String first = uniqueEmail();
        postJson("/api/auth/register", Map.of("email", first, "password", PASSWORD, "username", "taken" + first.substring(5, 13)));
        Response other = register(uniqueEmail());
        Response clash = send("PATCH", "/api/auth/me", "{\"username\":\"TAKEN" + first.substring(5, 13) + "\"}",
                "application/json", "Authorization", bearer(other.string("access")));
        assertProblem(clash, 400, "validation_failed");
        assertTrue(clash.errors().containsKey("username"));
    }

    @Test
    void passwordChangeKeepsThisSessionAndRevokesTheOthers() {
        String email = uniqueEmail();
        Response here = register(email);
        Response elsewhere = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        String auth = bearer(here.string("access"));

        Response wrong = postJson("/api/auth/password/change", Map.of("old_password", "nope nope nope", "new_password", "another good passphrase"),
                "Authorization", auth);
        assertProblem(wrong, 400, "validation_failed");
        assertTrue(wrong.errors().containsKey("old_password"));

        Response changed = postJson("/api/auth/password/change", Map.of("old_password", PASSWORD,
                "new_password", "another good passphrase", "confirm_password", "another good passphrase"), "Authorization", auth);
        assertEquals(200, changed.status(), changed.body());

        assertEquals(200, get("/api/auth/me", "Authorization", auth).status(), "this session stays");
        assertProblem(get("/api/auth/me", "Authorization", bearer(elsewhere.string("access"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", elsewhere.string("refresh"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 401, "invalid_credentials");
        assertEquals(200, postJson("/api/auth/login", Map.of("email", email, "password", "another good passphrase")).status());
        assertProblem(postJson("/api/auth/password/change", Map.of("old_password", "a", "new_password", "b")), 401, "not_authenticated");
    }

    @Test
    void sessionsAreListedAndOnlyOwnSessionsCanBeRevoked() {
        String email = uniqueEmail();
        Response first = register(email);
        Response second = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), "User-Agent", "TestPhone/1.0");
        String auth = bearer(second.string("access"));

        Response list = get("/api/auth/sessions", "Authorization", auth);
        assertEquals(200, list.status(), list.body());
        List<Map<String, Object>> sessions = list.list();
        assertEquals(2, sessions.size());
        assertEquals(true, sessions.getFirst().get("current"), "newest first, and it is this one");
        assertEquals("TestPhone/1.0", sessions.getFirst().get("user_agent"));
        assertEquals("127.0.0.1", sessions.getFirst().get("ip"));
        for (String key : List.of("id", "created_at", "last_used_at", "expires_at", "user_agent", "ip", "current")) {
            assertTrue(sessions.getFirst().containsKey(key), key);
        }
        String firstId = (String) sessions.get(1).get("id");

        Response stranger = register(uniqueEmail());
        assertProblem(send("DELETE", "/api/auth/sessions/" + firstId, null, null, "Authorization", bearer(stranger.string("access"))),
                404, "not_found");
        assertProblem(send("DELETE", "/api/auth/sessions/not-a-uuid", null, null, "Authorization", auth), 404, "not_found");

        assertEquals(204, send("DELETE", "/api/auth/sessions/" + firstId, null, null, "Authorization", auth).status());
        assertProblem(get("/api/auth/me", "Authorization", bearer(first.string("access"))), 401, "token_not_valid");
        assertEquals(1, get("/api/auth/sessions", "Authorization", auth).list().size());
    }

    private Map<String, Object> decode(String part) {
        try {
            return json.readValue(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8),
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
