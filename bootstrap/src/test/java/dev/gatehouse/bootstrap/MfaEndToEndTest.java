package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.service.Totp;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * TOTP and recovery codes end to end: set-up, confirmation, the pending login and its second step in
 * every dialect, replay, exhaustion, expiry, turning MFA off and the admin reset, on real PostgreSQL.
 * The clock is the movable one, so each use of the app's code can be in a fresh 30-second step.
 */
@MicronautTest(transactional = false)
class MfaEndToEndTest extends HttpTest {
    private final MovableClock clock = MovableClock.SHARED;

    @Inject
    JdbcOperations jdbc;
    @Inject
    AuditLog audit;
    @Inject
    dev.gatehouse.application.port.out.MfaChallengeRepository challenges;

    @Override
    Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("gatehouse.test.movable-clock", "true");
        properties.put("auth.compat.dj-rest-auth.enabled", "true");
        properties.put("auth.compat.simple.enabled", "true");
        return properties;
    }

    /** A user with MFA on: their email, the app's secret, the recovery codes and the session that turned it on. */
    private record Enrolled(String email, String userId, byte[] secret, List<String> recoveryCodes, String access) {
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    /** The app's code right now, then the clock moves on a step so the next code is a new one. */
    private String nextCode(byte[] secret) {
        String code = Totp.code(secret, Totp.step(clock.instant()), 6);
        clock.advance(Duration.ofSeconds(30));
        return code;
    }

    private String wrongCode(byte[] secret) {
        String right = Totp.code(secret, Totp.step(clock.instant()), 6);
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean nearby = false;
            for (int d = -1; d <= 1; d++) {
                nearby |= code.equals(Totp.code(secret, Totp.step(clock.instant()) + d, 6));
            }
            if (!nearby && !code.equals(right)) {
                return code;
            }
        }
    }

    private Map<String, Object> claims(String jwt) {
        try {
            return json.readValue(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response login(String email) {
        Response login = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertEquals(200, login.status(), login.body());
        return login;
    }

    private Enrolled enrol() {
        String email = uniqueEmail();
        register(email);
        String access = login(email).string("access");
        String userId = get("/api/auth/me", "Authorization", bearer(access)).string("id");
        Response setup = post("/api/auth/mfa/totp/setup", null, "Authorization", bearer(access));
        assertEquals(200, setup.status(), setup.body());
        byte[] secret = base32(setup.string("secret"));
        Response confirmed = postJson("/api/auth/mfa/totp/confirm", Map.of("code", nextCode(secret)), "Authorization", bearer(access));
        assertEquals(200, confirmed.status(), confirmed.body());
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) confirmed.map().get("recovery_codes");
        return new Enrolled(email, userId, secret, codes, access);
    }

    private String pendingToken(String email) {
        Response pending = login(email);
        assertEquals(Boolean.TRUE, pending.map().get("mfa_required"), pending.body());
        return pending.string("mfa_token");
    }

    private Response verify(String mfaToken, String code) {
        return postJson("/api/auth/mfa/verify", Map.of("mfa_token", mfaToken, "code", code));
    }

    @Test
    void theOAuthPasswordGrantRefusesAnAccountWithASecondFactorWithoutTokens() {
        Enrolled user = enrol();
        Response refused = send("POST", "/oauth/token", "grant_type=password&client_id=gatehouse-web&username="
                + java.net.URLEncoder.encode(user.email(), StandardCharsets.UTF_8) + "&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("mfa_required", refused.string("error"));
        assertFalse(refused.body().contains("access_token"), refused.body());
        assertFalse(refused.body().contains("mfa_token"), "the pending login is the native API's to complete");
        // A wrong password is still just a wrong password: the second factor is not revealed before it.
        Response wrong = send("POST", "/oauth/token", "grant_type=password&client_id=gatehouse-web&username="
                + java.net.URLEncoder.encode(user.email(), StandardCharsets.UTF_8) + "&password=wrong-password-1",
                "application/x-www-form-urlencoded");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("invalid_grant", wrong.string("error"));
    }

    @Test
    void setUpConfirmAndLogInWithTheAppAtAal2() {
        String email = uniqueEmail();
        Response registered = register(email);
        String access = login(email).string("access");

        Response setup = post("/api/auth/mfa/totp/setup", null, "Authorization", bearer(access));
        assertEquals(200, setup.status(), setup.body());
        String secretText = setup.string("secret");
        assertTrue(setup.string("otpauth_uri").startsWith("otpauth://totp/Gatehouse:" + email.replace("@", "%40") + "?secret=" + secretText),
                setup.string("otpauth_uri"));
        assertTrue(setup.string("qr_svg").startsWith("<svg") && setup.string("qr_svg").contains("<path d=\"M"), "an SVG QR code");
        assertEquals(Map.of("totp", false, "passkeys", 0, "recovery_codes_left", 0), get("/api/auth/mfa", "Authorization", bearer(access)).map(),
                "pending until confirmed");
        assertFalse(login(email).map().containsKey("mfa_required"), "a pending app asks nothing at login");

        byte[] secret = base32(secretText);
        Response wrong = postJson("/api/auth/mfa/totp/confirm", Map.of("code", wrongCode(secret)), "Authorization", bearer(access));
        assertProblem(wrong, 400, "validation_failed");
        assertEquals(List.of("Invalid code."), wrong.errors().get("code"));

        Response confirmed = postJson("/api/auth/mfa/totp/confirm", Map.of("code", nextCode(secret)), "Authorization", bearer(access));
        assertEquals(200, confirmed.status(), confirmed.body());
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) confirmed.map().get("recovery_codes");
        assertEquals(10, codes.size());
        assertEquals(10, codes.stream().distinct().count());

        // Turning MFA on ends the sessions opened with the password alone, not the one that did it.
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", registered.string("refresh"))), 401, "token_not_valid");
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(access)).status());
        assertEquals(Map.of("totp", true, "passkeys", 0, "recovery_codes_left", 10), get("/api/auth/mfa", "Authorization", bearer(access)).map());
        assertProblem(post("/api/auth/mfa/totp/setup", null, "Authorization", bearer(access)), 409, "mfa_already_enabled");

        Response pending = login(email);
        assertEquals(Map.of("mfa_required", true, "mfa_token", pending.string("mfa_token"), "methods", List.of("totp", "recovery_code")),
                pending.map(), "no tokens before the second factor");
        assertEquals(43, pending.string("mfa_token").length());

        Response verified = verify(pending.string("mfa_token"), nextCode(secret));
        assertEquals(200, verified.status(), verified.body());
        assertEquals(email, ((Map<?, ?>) verified.map().get("user")).get("email"));
        Map<String, Object> claims = claims(verified.string("access"));
        assertEquals(List.of("pwd", "otp"), claims.get("amr"));
        assertEquals("aal2", claims.get("aal"));

        Response refreshed = postJson("/api/auth/refresh", Map.of("refresh", verified.string("refresh")));
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals("aal2", claims(refreshed.string("access")).get("aal"), "a refreshed token keeps the level");
        assertEquals(List.of("pwd", "otp"), claims(refreshed.string("access")).get("amr"));

        assertProblem(verify(pending.string("mfa_token"), nextCode(secret)), 401, "token_not_valid");
    }

    @Test
    void theSecretIsSealedAtRest() {
        Enrolled user = enrol();
        byte[] stored = jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT secret FROM mfa_totp WHERE user_id = ?")) {
                ps.setObject(1, UUID.fromString(user.userId()));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    return rs.getBytes(1);
                }
            }
        });
        assertEquals(12 + 20 + 16, stored.length, "nonce, ciphertext, tag");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(new String(user.secret(), StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aCodeIsAcceptedOnce() {
        Enrolled user = enrol();
        String code = Totp.code(user.secret(), Totp.step(clock.instant()), 6);
        assertEquals(200, verify(pendingToken(user.email()), code).status());
        assertProblem(verify(pendingToken(user.email()), code), 401, "invalid_credentials");
    }

    @Test
    void aRecoveryCodeLogsInOnceAndNewOnesReplaceTheOld() {
        Enrolled user = enrol();
        String recovery = user.recoveryCodes().get(0);
        Response in = verify(pendingToken(user.email()), recovery.toUpperCase());
        assertEquals(200, in.status(), in.body());
        assertEquals("aal2", claims(in.string("access")).get("aal"), "the same answer, whichever factor");
        assertProblem(verify(pendingToken(user.email()), recovery), 401, "invalid_credentials");
        String access = in.string("access");
        assertEquals(9, ((Number) get("/api/auth/mfa", "Authorization", bearer(access)).map().get("recovery_codes_left")).intValue());

        assertProblem(postJson("/api/auth/mfa/recovery-codes", Map.of("code", wrongCode(user.secret())), "Authorization", bearer(access)),
                400, "validation_failed");
        Response renewed = postJson("/api/auth/mfa/recovery-codes", Map.of("code", nextCode(user.secret())), "Authorization", bearer(access));
        assertEquals(200, renewed.status(), renewed.body());
        @SuppressWarnings("unchecked")
        List<String> fresh = (List<String>) renewed.map().get("recovery_codes");
        assertEquals(10, fresh.size());
        assertProblem(verify(pendingToken(user.email()), user.recoveryCodes().get(1)), 401, "invalid_credentials");
        assertEquals(200, verify(pendingToken(user.email()), fresh.get(1)).status());
    }

    @Test
    void fiveWrongCodesKillTheMfaToken() {
        Enrolled user = enrol();
        String token = pendingToken(user.email());
        for (int i = 0; i < 5; i++) {
            assertProblem(verify(token, wrongCode(user.secret())), 401, "invalid_credentials");
        }
        assertProblem(verify(token, nextCode(user.secret())), 401, "token_not_valid");
        assertFalse(audit.find(new AuditLog.Query(new UserId(UUID.fromString(user.userId())), AuditEvent.Type.MFA_VERIFY_FAILURE, 0, 10)).items().isEmpty(),
                "failures are audited");
    }

    @Test
    void anMfaTokenExpiresAfterFiveMinutes() {
        Enrolled user = enrol();
        String token = pendingToken(user.email());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(verify(token, nextCode(user.secret())), 401, "token_not_valid");
        assertEquals(200, verify(pendingToken(user.email()), nextCode(user.secret())).status(), "a fresh login works");

        String abandoned = pendingToken(user.email());
        clock.advance(Duration.ofMinutes(6));
        assertTrue(challenges.purgeExpired(clock.instant()) >= 1, "abandoned logins are purged");
        assertTrue(challenges.find(dev.gatehouse.domain.token.TokenHash.of(abandoned)).isEmpty());
    }

    @Test
    void anAccountWithTheAppIsDeletedWithACodeInsteadOfThePassword() {
        Enrolled user = enrol();
        assertProblem(send("DELETE", "/api/auth/me", "{\"code\":\"" + wrongCode(user.secret()) + "\"}", "application/json",
                "Authorization", bearer(user.access())), 400, "validation_failed");
        Response deleted = send("DELETE", "/api/auth/me", "{\"code\":\"" + nextCode(user.secret()) + "\"}", "application/json",
                "Authorization", bearer(user.access()));
        assertEquals(204, deleted.status(), deleted.body());
        assertProblem(postJson("/api/auth/login", Map.of("email", user.email(), "password", PASSWORD)), 401, "invalid_credentials");

        // Without an app, a code proves nothing: the password it is.
        String plain = uniqueEmail();
        register(plain);
        String access = login(plain).string("access");
        Response refused = send("DELETE", "/api/auth/me", "{\"code\":\"123456\"}", "application/json", "Authorization", bearer(access));
        assertProblem(refused, 400, "validation_failed");
        assertTrue(refused.errors().containsKey("code"), refused.body());
    }

    @Test
    void turningMfaOffNeedsTheCodeOrThePassword() {
        Enrolled user = enrol();
        String access = user.access();
        assertProblem(send("DELETE", "/api/auth/mfa/totp", "{}", "application/json", "Authorization", bearer(access)), 400, "validation_failed");
        assertProblem(send("DELETE", "/api/auth/mfa/totp", "{\"password\":\"not the password\"}", "application/json",
                "Authorization", bearer(access)), 401, "invalid_credentials");
        assertProblem(send("DELETE", "/api/auth/mfa/totp", "{\"code\":\"" + wrongCode(user.secret()) + "\"}", "application/json",
                "Authorization", bearer(access)), 400, "validation_failed");
        Response off = send("DELETE", "/api/auth/mfa/totp", "{\"password\":\"" + PASSWORD + "\"}", "application/json",
                "Authorization", bearer(access));
        assertEquals(204, off.status(), off.body());
        Response plain = login(user.email());
        assertTrue(plain.string("access") != null, "a password login again: " + plain.body());
        assertEquals("aal1", claims(plain.string("access")).get("aal"));
        assertProblem(send("DELETE", "/api/auth/mfa/totp", "{\"password\":\"" + PASSWORD + "\"}", "application/json",
                "Authorization", bearer(access)), 409, "mfa_not_enabled");

        Enrolled other = enrol();
        Response byCode = send("DELETE", "/api/auth/mfa/totp", "{\"code\":\"" + nextCode(other.secret()) + "\"}", "application/json",
                "Authorization", bearer(other.access()));
        assertEquals(204, byCode.status(), byCode.body());
        assertNull(login(other.email()).map().get("mfa_required"));
    }

    @Test
    void anAdministratorResetsAUsersMfaAndItIsAudited() {
        Enrolled user = enrol();
        assertProblem(send("DELETE", "/api/admin/users/" + user.userId() + "/mfa", null, null, "Authorization", bearer(user.access())),
                403, "permission_denied");
        String admin = adminToken();
        assertEquals(204, send("DELETE", "/api/admin/users/" + user.userId() + "/mfa", null, null, "Authorization", bearer(admin)).status());
        assertNull(login(user.email()).map().get("mfa_required"), "the password alone again");
        assertEquals(1, audit.find(new AuditLog.Query(new UserId(UUID.fromString(user.userId())), AuditEvent.Type.MFA_RESET, 0, 10)).items().size());
        assertProblem(send("DELETE", "/api/admin/users/" + UUID.randomUUID() + "/mfa", null, null, "Authorization", bearer(admin)),
                404, "not_found");
    }

    @Test
    void theSimpleDialectAsksForTheCodeToo() {
        Enrolled user = enrol();
        Response pending = postJson("/api/login", Map.of("email", user.email(), "password", PASSWORD));
        assertEquals(200, pending.status(), pending.body());
        assertEquals(Boolean.TRUE, pending.map().get("mfa_required"));
        assertFalse(pending.map().containsKey("access_token"));
        Response in = postJson("/api/mfa/verify", Map.of("mfa_token", pending.string("mfa_token"), "code", nextCode(user.secret())));
        assertEquals(200, in.status(), in.body());
        assertEquals("aal2", claims(in.string("access_token")).get("aal"));
    }

    @Test
    void theDjRestAuthDialectSpeaksItsMfaViews() {
        String email = uniqueEmail();
        register(email);
        String access = login(email).string("access");
        Response init = get("/dj-rest-auth/mfa/totp/activate/", "Authorization", bearer(access));
        assertEquals(200, init.status(), init.body());
        assertTrue(init.string("qr_code_data_uri").startsWith("data:image/svg+xml;base64,"));
        assertTrue(init.string("totp_url").startsWith("otpauth://totp/"));
        byte[] secret = base32(init.string("secret"));

        Response badToken = postJson("/dj-rest-auth/mfa/totp/activate/", Map.of("activation_token", "x".repeat(43), "code", "123456"),
                "Authorization", bearer(access));
        assertEquals(400, badToken.status());
        assertEquals(Map.of("activation_token", List.of("Invalid or expired activation token.")), badToken.map());
        Response activated = postJson("/dj-rest-auth/mfa/totp/activate/", Map.of("activation_token", init.string("activation_token"),
                "code", nextCode(secret)), "Authorization", bearer(access));
        assertEquals(200, activated.status(), activated.body());
        assertEquals(10, ((List<?>) activated.map().get("recovery_codes")).size());
        Response again = postJson("/dj-rest-auth/mfa/totp/activate/", Map.of("activation_token", init.string("activation_token"),
                "code", nextCode(secret)), "Authorization", bearer(access));
        assertEquals(Map.of("detail", "MFA is already enabled. Deactivate it before activating again."), again.map());

        Response status = get("/dj-rest-auth/mfa/status/", "Authorization", bearer(access));
        assertEquals(true, status.map().get("mfa_enabled"));
        assertTrue(status.string("created_at") != null);
        assertEquals(Map.of("codes", List.of(), "remaining", 10), get("/dj-rest-auth/mfa/recovery-codes/", "Authorization", bearer(access)).map());
        Response options = send("OPTIONS", "/dj-rest-auth/mfa/status/", null, null, "Authorization", bearer(access));
        assertEquals(200, options.status(), options.body());
        assertEquals("GET, HEAD, OPTIONS", options.headers().firstValue("allow").orElse(""));
        assertEquals("MFA Status", options.string("name"));
        assertEquals(405, send("DELETE", "/dj-rest-auth/mfa/verify/", null, null).status());

        Response pending = postJson("/dj-rest-auth/login/", Map.of("email", email, "password", PASSWORD));
        assertEquals(200, pending.status(), pending.body());
        assertEquals(Map.of("ephemeral_token", pending.string("ephemeral_token"), "mfa_required", true), pending.map());
        Response wrong = postJson("/dj-rest-auth/mfa/verify/", Map.of("ephemeral_token", pending.string("ephemeral_token"),
                "code", wrongCode(secret)));
        assertEquals(400, wrong.status());
        assertEquals(Map.of("code", List.of("Invalid code.")), wrong.map());
        Response in = postJson("/dj-rest-auth/mfa/verify/", Map.of("ephemeral_token", pending.string("ephemeral_token"),
                "code", nextCode(secret)));
        assertEquals(200, in.status(), in.body());
        assertTrue(in.map().containsKey("access_expiration") && in.map().containsKey("user"), in.body());
        assertEquals("aal2", claims(in.string("access")).get("aal"));
        Response used = postJson("/dj-rest-auth/mfa/verify/", Map.of("ephemeral_token", pending.string("ephemeral_token"),
                "code", nextCode(secret)));
        assertEquals(Map.of("ephemeral_token", List.of("Invalid or expired token.")), used.map());

        String mine = in.string("access");
        Response regenerated = postJson("/dj-rest-auth/mfa/recovery-codes/regenerate/", Map.of("code", nextCode(secret)),
                "Authorization", bearer(mine));
        assertEquals(200, regenerated.status(), regenerated.body());
        assertEquals(10, ((List<?>) regenerated.map().get("codes")).size());
        Response deactivated = postJson("/dj-rest-auth/mfa/totp/deactivate/", Map.of("code", nextCode(secret)), "Authorization", bearer(mine));
        assertEquals(Map.of("detail", "TOTP has been deactivated."), deactivated.map());
        assertEquals(Map.of("detail", "MFA is not enabled."),
                postJson("/dj-rest-auth/mfa/totp/deactivate/", Map.of("code", "123456"), "Authorization", bearer(mine)).map());
        assertNotEquals(null, postJson("/dj-rest-auth/login/", Map.of("email", email, "password", PASSWORD)).string("access"));
    }

    @Test
    void theOpenApiDocumentDescribesTheMfaRoutes() {
        String spec = get("/openapi.yml").body();
        for (String path : List.of("/api/auth/mfa:", "/api/auth/mfa/verify:", "/api/auth/mfa/totp/setup:", "/api/auth/mfa/totp/confirm:",
                "/api/auth/mfa/totp:", "/api/auth/mfa/recovery-codes:", "/api/admin/users/{id}/mfa:", "/api/mfa/verify:",
                "/dj-rest-auth/mfa/verify:", "/dj-rest-auth/mfa/totp/activate:", "/dj-rest-auth/mfa/recovery-codes/regenerate:")) {
            assertTrue(spec.contains(path), "documented: " + path);
        }
        assertTrue(spec.contains("MfaRequired"), "login's pending answer is in the schema");
    }

    @Test
    void settingUpAnAppNeedsARecentLogin() {
        String email = uniqueEmail();
        register(email);
        Response old = login(email);
        clock.advance(Duration.ofMinutes(16));
        String access = postJson("/api/auth/refresh", Map.of("refresh", old.string("refresh"))).string("access");
        assertProblem(post("/api/auth/mfa/totp/setup", null, "Authorization", bearer(access)), 403, "recent_login_required");
        String fresh = login(email).string("access");
        assertEquals(200, post("/api/auth/mfa/totp/setup", null, "Authorization", bearer(fresh)).status());
    }
}
