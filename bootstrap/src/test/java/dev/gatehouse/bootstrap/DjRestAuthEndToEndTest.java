package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.settings.Tunables;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The dj-rest-auth dialect, request by request as a Django frontend sends them (trailing slashes,
 * dj-rest-auth's field names), with the mails through a real SMTP server and links in Django's shape.
 */
@MicronautTest(transactional = false)
class DjRestAuthEndToEndTest extends HttpTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final Pattern RESET_LINK = Pattern.compile(
            "https://app\\.example\\.test/password-reset/confirm/([A-Za-z0-9_-]{22})/([A-Za-z0-9_-]{43})/");
    private static final Pattern VERIFY_LINK = Pattern.compile("https://app\\.example\\.test/account-confirm-email/([A-Za-z0-9_-]{43})/");

    private final Mailbox mailbox = new Mailbox();

    @Override
    Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mailbox.smtpProperties());
        properties.put("auth.compat.dj-rest-auth.enabled", "true");
        properties.put("auth.link-base-url", "https://app.example.test");
        properties.put("auth.link-verify-path", "/account-confirm-email/{token}/");
        properties.put("auth.link-reset-path", "/password-reset/confirm/{uid}/{token}/");
        return properties;
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** A DRF answer: plain JSON, never problem+json, never internals. */
    private static Map<String, Object> drf(Response response, int status) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), "content type: " + response.contentType());
        assertFalse(response.body().contains("Exception") || response.body().contains("\"type\""), response.body());
        return response.map();
    }

    private static void assertDrf(Response response, int status, Map<String, Object> expected) {
        assertEquals(expected, drf(response, status));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String username() {
        return "dj_" + uniqueEmail().substring(5, 17);
    }

    /** Registers through the dialect; returns the 201 body (access, refresh, user). */
    private Map<String, Object> registerDj(String email, String username) {
        Response response = postJson("/dj-rest-auth/registration/",
                map("username", username, "email", email, "password1", PASSWORD, "password2", PASSWORD));
        assertEquals("no-store", response.headers().firstValue("cache-control").orElse(""), "tokens are never cached");
        return drf(response, 201);
    }

    private Map<String, Object> loginDj(Map<String, Object> body) {
        Response response = postJson("/dj-rest-auth/login/", body);
        assertEquals("no-store", response.headers().firstValue("cache-control").orElse(""), "tokens are never cached");
        return drf(response, 200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> user(Map<String, Object> body) {
        return (Map<String, Object>) body.get("user");
    }

    private static String[] uidAndToken(Mailbox.Mail mail) {
        Matcher m = RESET_LINK.matcher(mail.text());
        assertTrue(m.find(), "a Django-style reset link in: " + mail.text());
        return new String[] {m.group(1), m.group(2)};
    }

    private static String key(Mailbox.Mail mail) {
        Matcher m = VERIFY_LINK.matcher(mail.text());
        assertTrue(m.find(), "a Django-style verification link in: " + mail.text());
        return m.group(1);
    }

    // --- registration and email verification -----------------------------------------------------------

    @Test
    void registrationReturnsTokensAndTheUserAndMailsAKeyThatVerifiesTheAddressOnce() {
        String email = uniqueEmail();
        String username = username();
        Map<String, Object> registered = registerDj(email, username);

        assertTrue(registered.get("access") instanceof String && registered.get("refresh") instanceof String, registered.toString());
        Map<String, Object> user = user(registered);
        assertEquals(java.util.Set.of("pk", "username", "email", "first_name", "last_name"), user.keySet());
        assertEquals(username, user.get("username"));
        assertEquals(email, user.get("email"));
        assertEquals("", user.get("first_name"));
        assertEquals(java.util.Set.of("access", "refresh", "user"), registered.keySet(), "RegisterView adds no expirations");
        String access = (String) registered.get("access");
        assertEquals(user.get("pk"), get("/api/auth/me", "Authorization", bearer(access)).string("id"), "pk is the user id");

        Mailbox.Mail mail = mailbox.await(email, 1);
        String key = key(mail);
        assertDrf(postJson("/dj-rest-auth/registration/verify-email/", map("key", key)), 200, map("detail", "ok"));
        assertEquals(401, get("/api/auth/me", "Authorization", bearer(access)).status(),
                "the first verification ends every session opened before it (pre-account hijacking)");
        access = (String) loginDj(map("email", email, "password", PASSWORD)).get("access");
        assertEquals(true, get("/api/auth/me", "Authorization", bearer(access)).map().get("email_verified"));
        assertEquals(1, get("/api/auth/sessions", "Authorization", bearer(access)).list().size(),
                "verifying opens no session nobody holds");

        assertDrf(postJson("/dj-rest-auth/registration/verify-email/", map("key", key)), 404, map("detail", "Not found."));
        assertDrf(postJson("/dj-rest-auth/registration/verify-email/", map()), 400, map("key", List.of("This field is required.")));
        assertDrf(postJson("/dj-rest-auth/registration/verify-email/", map("key", "nonsense")), 404, map("detail", "Not found."));
    }

    @Test
    void resendEmailAnswersOkForEveryAddressAndMailsAFreshKey() {
        String email = uniqueEmail();
        registerDj(email, username());
        String first = key(mailbox.await(email, 1));

        assertDrf(postJson("/dj-rest-auth/registration/resend-email/", map("email", email)), 200, map("detail", "ok"));
        assertDrf(postJson("/dj-rest-auth/registration/resend-email/", map("email", "nobody-" + email)), 200, map("detail", "ok"));
        String second = key(mailbox.await(email, 2));
        assertNotEquals(first, second);

        assertDrf(postJson("/dj-rest-auth/registration/verify-email/", map("key", first)), 404, map("detail", "Not found."));
        assertDrf(postJson("/dj-rest-auth/registration/verify-email/", map("key", second)), 200, map("detail", "ok"));
        assertDrf(postJson("/dj-rest-auth/registration/resend-email/", map("email", "not-an-address")), 400,
                map("email", List.of("Enter a valid email address.")));
        assertDrf(postJson("/dj-rest-auth/registration/resend-email/", map()), 400, map("email", List.of("This field is required.")));
        assertTrue(mailbox.to("nobody-" + email).isEmpty());
    }

    @Test
    void registrationErrorsAreDrfFieldErrors() {
        String email = uniqueEmail();
        String username = username();
        assertDrf(postJson("/dj-rest-auth/registration/", map("username", username, "email", email,
                        "password1", PASSWORD, "password2", PASSWORD + "!")), 400,
                map("non_field_errors", List.of("The two password fields didn't match.")));
        Map<String, Object> weak = drf(postJson("/dj-rest-auth/registration/", map("username", username, "email", email,
                "password1", "short", "password2", "short")), 400);
        assertEquals(java.util.Set.of("password1"), weak.keySet());
        assertDrf(postJson("/dj-rest-auth/registration/", map("username", username, "email", email,
                        "password1", username + "!", "password2", username + "!")), 400,
                map("password1", List.of("The password is too similar to the username.")));
        assertDrf(postJson("/dj-rest-auth/registration/", map("username", username)), 400, map(
                "email", List.of("This field is required."),
                "password1", List.of("This field is required."),
                "password2", List.of("This field is required.")));
        assertDrf(postJson("/dj-rest-auth/registration/", map("email", "nope", "password1", PASSWORD, "password2", PASSWORD)), 400,
                map("email", List.of("Enter a valid email address.")));
        assertDrf(postJson("/dj-rest-auth/registration/", map("email", email, "password1", 12, "password2", List.of())), 400,
                map("password2", List.of("Not a valid string.")));

        markVerified((String) user(registerDj(email, username)).get("pk")); // a claimed address is never replaced
        Map<String, Object> taken = drf(postJson("/dj-rest-auth/registration/", map("username", username, "email", uniqueEmail(),
                "password1", PASSWORD, "password2", PASSWORD)), 400);
        assertEquals(List.of("A user with that username already exists."), taken.get("username"));
        Map<String, Object> takenEmail = drf(postJson("/dj-rest-auth/registration/", map("email", email,
                "password1", PASSWORD, "password2", PASSWORD)), 400);
        assertEquals(map("email", List.of("A user is already registered with this e-mail address.")), takenEmail, "allauth's words");
    }

    // --- login and logout ------------------------------------------------------------------------------

    @Test
    void loginTakesAUsernameOrAnEmailWithOrWithoutTheTrailingSlashAndIgnoresUnknownFields() {
        String email = uniqueEmail();
        String username = username();
        register(email);
        Map<String, Object> registered = registerDj(uniqueEmail(), username);
        String otherEmail = (String) user(registered).get("email");

        Map<String, Object> byEmail = loginDj(map("email", email, "password", PASSWORD, "remember_me", true));
        assertEquals(email, user(byEmail).get("email"));
        assertEquals(java.util.Set.of("access", "refresh", "user", "access_expiration", "refresh_expiration"), byEmail.keySet());
        Map<String, Object> byUsername = loginDj(map("username", username, "email", "", "password", PASSWORD));
        assertEquals(otherEmail, user(byUsername).get("email"));
        Map<String, Object> emailWins = loginDj(map("username", "someone-else", "email", email, "password", PASSWORD));
        assertEquals(email, user(emailWins).get("email"));
        assertEquals(200, postJson("/dj-rest-auth/login", map("email", email, "password", PASSWORD)).status(), "without the slash");
        assertEquals(200, get("/api/auth/me", "Authorization", bearer((String) byEmail.get("access"))).status());

        Map<String, Object> refused = map("non_field_errors", List.of("Unable to log in with provided credentials."));
        assertDrf(postJson("/dj-rest-auth/login/", map("email", email, "password", "wrong password")), 400, refused);
        assertDrf(postJson("/dj-rest-auth/login/", map("username", "nobody-" + username, "password", PASSWORD)), 400, refused);
        assertDrf(postJson("/dj-rest-auth/login/", map("password", PASSWORD)), 400,
                map("non_field_errors", List.of("Must include either \"username\" or \"email\" and \"password\".")));
        assertDrf(postJson("/dj-rest-auth/login/", map("email", email)), 400, map("password", List.of("This field is required.")));
        assertDrf(postJson("/dj-rest-auth/login/", map("email", "not-an-address", "password", PASSWORD)), 400,
                map("email", List.of("Enter a valid email address.")));
        assertDrf(send("POST", "/dj-rest-auth/login/", "{\"username\": null, \"email\": \"" + email + "\", \"password\": \""
                + PASSWORD + "\"}", "application/json"), 400, map("username", List.of("This field may not be null.")));
        assertDrf(postJson("/dj-rest-auth/login/", map("email", email, "password", "")), 400,
                map("password", List.of("This field may not be blank.")));
    }

    @Test
    void aLockedAccountIsThrottledInDrfWords() {
        String email = uniqueEmail();
        register(email);
        for (int i = 0; i < TEST_DEFAULTS.rateLimits().loginMaxFailures(); i++) {
            drf(postJson("/dj-rest-auth/login/", map("email", email, "password", "wrong password")), 400);
        }
        Response throttled = postJson("/dj-rest-auth/login/", map("email", email, "password", PASSWORD));
        String detail = (String) drf(throttled, 429).get("detail");
        String retryAfter = throttled.headers().firstValue("retry-after").orElseThrow();
        assertEquals("Request was throttled. Expected available in " + retryAfter + " seconds.", detail);
    }

    @Test
    void logoutEndsTheSessionOfTheRefreshToken() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> login = loginDj(map("email", email, "password", PASSWORD));

        assertDrf(postJson("/dj-rest-auth/logout/", map("refresh", login.get("refresh"))), 200,
                map("detail", "Successfully logged out."));
        assertDrf(postJson("/dj-rest-auth/token/refresh/", map("refresh", login.get("refresh"))), 401,
                map("detail", "Token is invalid or expired", "code", "token_not_valid"));
        assertDrf(postJson("/dj-rest-auth/token/verify/", map("token", login.get("access"))), 401,
                map("detail", "Token is invalid or expired", "code", "token_not_valid"));
        assertDrf(postJson("/dj-rest-auth/logout/", map("refresh", login.get("refresh"))), 200,
                map("detail", "Successfully logged out."));
        assertDrf(postJson("/dj-rest-auth/logout/", map()), 401, map("detail", "Refresh token was not included in request data."));
    }

    // --- tokens ----------------------------------------------------------------------------------------

    @Test
    void tokenVerifyAndRefreshSpeakSimplejwt() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> login = loginDj(map("username", email, "password", PASSWORD));

        assertDrf(postJson("/dj-rest-auth/token/verify/", map("token", login.get("access"))), 200, map());
        Map<String, Object> invalid = map("detail", "Token is invalid or expired", "code", "token_not_valid");
        assertDrf(postJson("/dj-rest-auth/token/verify/", map("token", "not.a.jwt")), 401, invalid);
        assertDrf(postJson("/dj-rest-auth/token/verify/", map()), 400, map("token", List.of("This field is required.")));

        Map<String, Object> refreshed = drf(postJson("/dj-rest-auth/token/refresh/", map("refresh", login.get("refresh"))), 200);
        assertEquals(java.util.Set.of("access", "refresh", "access_expiration", "refresh_expiration"), refreshed.keySet());
        assertNotEquals(login.get("refresh"), refreshed.get("refresh"), "always rotated");
        Instant expiration = Instant.parse((String) refreshed.get("access_expiration"));
        assertTrue(expiration.isAfter(Instant.now().plus(Duration.ofMinutes(4))), expiration.toString());
        assertDrf(postJson("/dj-rest-auth/token/verify/", map("token", refreshed.get("access"))), 200, map());
        assertDrf(postJson("/dj-rest-auth/token/refresh/", map("refresh", "x".repeat(43))), 401, invalid);
    }

    @Test
    void aSpentRefreshTokenPresentedAgainIsReportedAsBlacklistedAndEndsTheSession() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> login = loginDj(map("email", email, "password", PASSWORD));
        tune(t -> new Tunables(t.accessTokenTtl(), t.refreshTokenTtl(), Duration.ZERO, t.verificationMode(), t.passwordMinLength(),
                t.rateLimits()));
        try {
            Map<String, Object> refreshed = drf(postJson("/dj-rest-auth/token/refresh/", map("refresh", login.get("refresh"))), 200);
            Mailbox.sleep(20);
            assertDrf(postJson("/dj-rest-auth/token/refresh/", map("refresh", login.get("refresh"))), 401,
                    map("detail", "Token is blacklisted", "code", "token_not_valid"));
            assertDrf(postJson("/dj-rest-auth/token/refresh/", map("refresh", refreshed.get("refresh"))), 401,
                    map("detail", "Token is invalid or expired", "code", "token_not_valid"));
        } finally {
            tune(t -> TEST_DEFAULTS);
        }
    }

    // --- user ------------------------------------------------------------------------------------------

    @Test
    void userDetailsCanBeReadReplacedAndPatchedButTheEmailStays() {
        String email = uniqueEmail();
        String username = username();
        String access = (String) registerDj(email, username).get("access");
        String auth = bearer(access);

        Map<String, Object> shown = drf(get("/dj-rest-auth/user/", "Authorization", auth), 200);
        assertEquals(map("pk", shown.get("pk"), "username", username, "email", email, "first_name", "", "last_name", ""), shown);

        Map<String, Object> patched = drf(send("PATCH", "/dj-rest-auth/user/", "{\"first_name\":\"Ada\",\"unknown\":1}",
                "application/json", "Authorization", auth), 200);
        assertEquals("Ada", patched.get("first_name"));
        assertEquals(username, patched.get("username"));

        Map<String, Object> replaced = drf(send("PUT", "/dj-rest-auth/user/", json(map("pk", "someone", "username", "John Smith",
                "email", "other@example.com", "last_name", "Lovelace")), "application/json", "Authorization", auth), 200);
        assertEquals(map("pk", shown.get("pk"), "username", "John Smith", "email", email, "first_name", "Ada", "last_name", "Lovelace"),
                replaced, "fields not sent keep their values; pk and email are read-only");
        assertEquals(replaced, drf(get("/dj-rest-auth/user", "Authorization", auth), 200));

        assertDrf(send("PUT", "/dj-rest-auth/user/", json(map("first_name", "X")), "application/json", "Authorization", auth), 400,
                map("username", List.of("This field is required.")));
        assertDrf(send("PATCH", "/dj-rest-auth/user/", json(map("username", "")), "application/json", "Authorization", auth), 400,
                map("username", List.of("This field may not be blank.")));
        // As DRF's CharField (allow_null=False): an explicit null is refused, not read as "not sent".
        assertDrf(send("PATCH", "/dj-rest-auth/user/", "{\"username\": null}", "application/json", "Authorization", auth), 400,
                map("username", List.of("This field may not be null.")));
        Map<String, Object> badName = drf(send("PATCH", "/dj-rest-auth/user/", json(map("username", "no/slashes")), "application/json",
                "Authorization", auth), 400);
        assertEquals(java.util.Set.of("username"), badName.keySet());

        assertDrf(get("/dj-rest-auth/user/"), 401, map("detail", "Authentication credentials were not provided."));
        assertDrf(get("/dj-rest-auth/user/", "Authorization", bearer("not.a.jwt")), 401,
                map("detail", "Given token not valid for any token type", "code", "token_not_valid", "messages", List.of(
                        map("token_class", "AccessToken", "token_type", "access", "message", "Token is invalid or expired"))));
    }

    @Test
    void refreshWithoutATokenOrWithAnAccessTokenAnswersAsSimplejwtBehindDjRestAuth() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> login = loginDj(map("email", email, "password", PASSWORD));

        // Refresh interceptors look for 401 + token_not_valid: an empty body must give exactly that.
        assertDrf(postJson("/dj-rest-auth/token/refresh/", map()), 401,
                map("detail", "No valid refresh token found.", "code", "token_not_valid"));
        assertDrf(postJson("/dj-rest-auth/token/refresh/", map("refresh", "")), 400,
                map("refresh", List.of("This field may not be blank.")));
        assertDrf(postJson("/dj-rest-auth/token/refresh/", map("refresh", login.get("access"))), 401,
                map("detail", "Token has wrong type", "code", "token_not_valid"));
        assertEquals(200, postJson("/dj-rest-auth/token/refresh/", map("refresh", login.get("refresh"))).status(),
                "the refresh token itself still works");
    }

    @Test
    void formAndMultipartBodiesAreReadAsDrfReadsThem() {
        String email = uniqueEmail();
        register(email);
        String form = "email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Object> byForm = drf(send("POST", "/dj-rest-auth/login/", form, "application/x-www-form-urlencoded"), 200);
        assertEquals(email, user(byForm).get("email"));

        String boundary = "----gatehouse" + System.nanoTime();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"refresh\"\r\n\r\n"
                + byForm.get("refresh") + "\r\n--" + boundary + "--\r\n";
        Map<String, Object> refreshed = drf(send("POST", "/dj-rest-auth/token/refresh/", multipart,
                "multipart/form-data; boundary=" + boundary), 200);
        assertTrue(refreshed.containsKey("access") && refreshed.containsKey("refresh"), refreshed.toString());

        assertDrf(send("POST", "/dj-rest-auth/login/", "email=" + java.net.URLEncoder.encode(email,
                java.nio.charset.StandardCharsets.UTF_8), "application/x-www-form-urlencoded"), 400,
                map("password", List.of("This field is required.")));
    }

    @Test
    void viewsAnswerOptionsWithDrfMetadataAndNameTheirMethodsInAllow() {
        Response options = send("OPTIONS", "/dj-rest-auth/login/", null, null);
        assertDrf(options, 200, map("name", "Login", "description", "", "renders", List.of("application/json", "text/html"),
                "parses", List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data")));
        assertEquals("POST, OPTIONS", options.headers().firstValue("allow").orElse(""));
        // DRF authenticates first on a view that needs a user: OPTIONS and a missing method are 401 without a token.
        Map<String, Object> noCredentials = map("detail", "Authentication credentials were not provided.");
        assertDrf(send("OPTIONS", "/dj-rest-auth/user/", null, null), 401, noCredentials);
        assertDrf(send("DELETE", "/dj-rest-auth/user/", null, null), 401, noCredentials);
        assertDrf(send("OPTIONS", "/dj-rest-auth/password/change/", null, null), 401, noCredentials);
        String email = uniqueEmail();
        register(email);
        String auth = bearer((String) loginDj(map("email", email, "password", PASSWORD)).get("access"));
        assertEquals("User Details", drf(send("OPTIONS", "/dj-rest-auth/user/", null, null, "Authorization", auth), 200).get("name"));
        assertDrf(send("DELETE", "/dj-rest-auth/user/", null, null, "Authorization", auth), 405, map("detail", "Method \"DELETE\" not allowed."));

        Response wrongMethod = get("/dj-rest-auth/login/");
        assertDrf(wrongMethod, 405, map("detail", "Method \"GET\" not allowed."));
        assertEquals("POST, OPTIONS", wrongMethod.headers().firstValue("allow").orElse(""), "DRF names what is allowed");
        assertEquals("GET, PUT, PATCH, HEAD, OPTIONS", get("/dj-rest-auth/user/").headers().firstValue("allow").orElse(""));
        assertEquals("POST, OPTIONS, HEAD", get("/dj-rest-auth/registration/verify-email/").headers().firstValue("allow").orElse(""),
                "VerifyEmailView names its own methods");
    }

    @Test
    void jsonThatIsNotAnObjectGetsDrfsMessageNamingItsType() {
        assertDrf(send("POST", "/dj-rest-auth/login/", "[]", "application/json"), 400,
                map("non_field_errors", List.of("Invalid data. Expected a dictionary, but got list.")));
        assertDrf(send("POST", "/dj-rest-auth/registration/", "\"text\"", "application/json"), 400,
                map("non_field_errors", List.of("Invalid data. Expected a dictionary, but got str.")));
        assertDrf(send("POST", "/dj-rest-auth/token/refresh/", "12", "application/json"), 400,
                map("non_field_errors", List.of("Invalid data. Expected a dictionary, but got int.")));
    }

    private String json(Object value) {
        try {
            return super.json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- passwords -------------------------------------------------------------------------------------

    @Test
    void passwordResetConfirmTakesTheUidAndTokenFromTheMailedLink() {
        String email = uniqueEmail();
        Map<String, Object> registered = registerDj(email, username());
        mailbox.await(email, 1);
        String otherEmail = uniqueEmail();
        registerDj(otherEmail, username());
        mailbox.await(otherEmail, 1);

        Map<String, Object> sent = map("detail", "Password reset e-mail has been sent.");
        assertDrf(postJson("/dj-rest-auth/password/reset/", map("email", email)), 200, sent);
        assertDrf(postJson("/dj-rest-auth/password/reset/", map("email", "nobody-" + email)), 200, sent);
        assertDrf(postJson("/dj-rest-auth/password/reset/", map("email", otherEmail)), 200, sent);
        assertDrf(postJson("/dj-rest-auth/password/reset/", map("email", "nope")), 400, map("email", List.of("Enter a valid email address.")));
        Mailbox.Mail mail = mailbox.await(email, 2);
        assertEquals("Reset your password", mail.subject());
        String[] link = uidAndToken(mail);
        String uid = link[0];
        String token = link[1];
        assertEquals(user(registered).get("pk"), uuidOf(uid), "the uid is the user id, base64url");
        String otherUid = uidAndToken(mailbox.await(otherEmail, 2))[0];

        String confirm = "/dj-rest-auth/password/reset/confirm/";
        // As dj-rest-auth: a uid naming another user makes the token invalid (it is not that user's);
        // a uid naming nobody, or not a uid at all, is the uid's error.
        assertDrf(postJson(confirm, map("uid", otherUid, "token", token, "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD)),
                400, map("token", List.of("Invalid value")));
        for (String nobody : List.of("AAAAAAAAAAAAAAAAAAAAAA", "MQ", "not a uid")) {
            assertDrf(postJson(confirm, map("uid", nobody, "token", token, "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD)),
                    400, map("uid", List.of("Invalid value")));
        }
        assertDrf(postJson(confirm, map("uid", uid, "token", "A".repeat(43), "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD)),
                400, map("token", List.of("Invalid value")));
        assertDrf(postJson(confirm, map("uid", uid, "token", token, "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD + "!")),
                400, map("new_password2", List.of("The two password fields didn\u2019t match.")));
        Map<String, Object> weak = drf(postJson(confirm, map("uid", uid, "token", token, "new_password1", "password123",
                "new_password2", "password123")), 400);
        assertEquals(java.util.Set.of("new_password2"), weak.keySet(), "Django's SetPasswordForm reports on the second field");
        assertDrf(postJson(confirm, map("token", token)), 400, map(
                "new_password1", List.of("This field is required."),
                "new_password2", List.of("This field is required."),
                "uid", List.of("This field is required.")));

        assertDrf(postJson(confirm, map("uid", uid, "token", token, "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD)),
                200, map("detail", "Password has been reset with the new password."));
        assertDrf(postJson("/dj-rest-auth/token/refresh/", map("refresh", registered.get("refresh"))), 401,
                map("detail", "Token is invalid or expired", "code", "token_not_valid"));
        assertDrf(postJson(confirm, map("uid", uid, "token", token, "new_password1", "yet another passphrase",
                "new_password2", "yet another passphrase")), 400, map("token", List.of("Invalid value")));
        Map<String, Object> login = loginDj(map("email", email, "password", NEW_PASSWORD));
        assertEquals(1, get("/api/auth/sessions", "Authorization", bearer((String) login.get("access"))).list().size(),
                "the reset opened no session nobody holds");
        assertEquals("Your password was changed", mailbox.await(email, 3).subject());
        assertTrue(mailbox.to("nobody-" + email).isEmpty());
    }

    private static String uuidOf(String uid) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(java.util.Base64.getUrlDecoder().decode(uid));
        return new java.util.UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    @Test
    void passwordChangeNeedsTheOldPasswordAndTwoMatchingNewOnes() {
        String email = uniqueEmail();
        Map<String, Object> registered = registerDj(email, username());
        String auth = bearer((String) registered.get("access"));
        Map<String, Object> elsewhere = loginDj(map("email", email, "password", PASSWORD));
        String change = "/dj-rest-auth/password/change/";

        assertDrf(postJson(change, map("old_password", PASSWORD, "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD)), 401,
                map("detail", "Authentication credentials were not provided."));
        assertDrf(postJson(change, map("old_password", "wrong password", "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD),
                "Authorization", auth), 400, map("old_password", List.of("Your old password was entered incorrectly. Please enter it again.")));
        assertDrf(postJson(change, map("old_password", "wrong password", "new_password1", NEW_PASSWORD, "new_password2", "other"),
                "Authorization", auth), 400, map("old_password", List.of("Your old password was entered incorrectly. Please enter it again.")));
        // (with mismatched new passwords too: a wrong old password is the whole answer, as DRF stops at that field)
        assertDrf(postJson(change, map("old_password", PASSWORD, "new_password1", NEW_PASSWORD, "new_password2", "something else"),
                "Authorization", auth), 400, map("new_password2", List.of("The two password fields didn\u2019t match.")));
        assertDrf(postJson(change, map("new_password1", NEW_PASSWORD), "Authorization", auth), 400, map(
                "old_password", List.of("This field is required."), "new_password2", List.of("This field is required.")));

        assertDrf(postJson(change, map("old_password", PASSWORD, "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD),
                "Authorization", auth), 200, map("detail", "New password has been saved."));
        assertEquals(200, get("/dj-rest-auth/user/", "Authorization", auth).status(), "this session stays");
        assertDrf(postJson("/dj-rest-auth/token/refresh/", map("refresh", elsewhere.get("refresh"))), 401,
                map("detail", "Token is invalid or expired", "code", "token_not_valid"));
        loginDj(map("email", email, "password", NEW_PASSWORD));
        drf(postJson("/dj-rest-auth/login/", map("email", email, "password", PASSWORD)), 400);
    }

    // --- what the framework answers on its own ---------------------------------------------------------

    @Test
    void frameworkErrorsOnDialectPathsAreDrfShapedAndTheApisOwnStayProblemJson() {
        assertDrf(post("/dj-rest-auth/login/", "{not json"), 400, map("detail", "JSON parse error - the request body is not valid JSON."));
        assertDrf(post("/dj-rest-auth/login/", "[1, 2]"), 400,
                map("non_field_errors", List.of("Invalid data. Expected a dictionary, but got list.")));
        assertDrf(send("POST", "/dj-rest-auth/login/", "email=a", "text/plain"), 415,
                map("detail", "Unsupported media type \"text/plain\" in request."));
        assertDrf(get("/dj-rest-auth/login/"), 405, map("detail", "Method \"GET\" not allowed."));
        assertDrf(get("/dj-rest-auth/no-such-thing/"), 404, map("detail", "Not found."));

        assertProblem(post("/api/auth/login", "{not json"), 400, "validation_failed");
        assertProblem(get("/api/auth/login"), 405, "method_not_allowed");
        assertProblem(get("/api/auth/no-such-thing"), 404, "not_found");
    }
}
