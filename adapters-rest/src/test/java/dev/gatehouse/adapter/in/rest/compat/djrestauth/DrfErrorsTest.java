package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.application.error.NotAuthenticatedException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.TokenReusedException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DRF's, simplejwt's and allauth's bodies, rendered without a server. */
class DrfErrorsTest {
    @Test
    void aRefusedBearerTokenGetsSimplejwtsWholeBodyAndChallenge() {
        MutableHttpResponse<Map<String, Object>> r = DrfErrors.of(new TokenNotValidException());
        assertEquals(401, r.getStatus().getCode());
        assertEquals(Map.of("detail", "Given token not valid for any token type", "code", "token_not_valid",
                "messages", List.of(Map.of("token_class", "AccessToken", "token_type", "access",
                        "message", "Token is invalid or expired"))), r.body());
        assertEquals("Bearer realm=\"api\"", r.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    void aReusedRefreshTokenIsBlacklistedInSimplejwtsWords() {
        assertEquals(Map.of("detail", "Token is blacklisted", "code", "token_not_valid"), DrfErrors.of(new TokenReusedException()).body());
    }

    @Test
    void noCredentialsIsDrfsDetail() {
        MutableHttpResponse<Map<String, Object>> r = DrfErrors.of(new NotAuthenticatedException());
        assertEquals(Map.of("detail", "Authentication credentials were not provided."), r.body());
    }

    @Test
    void throttlingSaysSecondOrSecondsAndSetsRetryAfter() {
        MutableHttpResponse<Map<String, Object>> one = DrfErrors.of(new RateLimitedException(Duration.ofSeconds(1)));
        assertEquals(Map.of("detail", "Request was throttled. Expected available in 1 second."), one.body());
        assertEquals("1", one.getHeaders().get(HttpHeaders.RETRY_AFTER));
        assertEquals(Map.of("detail", "Request was throttled. Expected available in 42 seconds."),
                DrfErrors.of(new RateLimitedException(Duration.ofSeconds(42))).body());
    }

    @Test
    void fieldErrorsAreRenamedAndReworded() {
        Map<String, List<String>> errors = Map.of("new_password", List.of("This password is too common."),
                "confirm_password", List.of("The two password fields didn't match."));
        Map<String, Object> body = DrfErrors.fields(errors, Map.of("new_password", "new_password2", "confirm_password", "new_password2"),
                Map.of("The two password fields didn't match.", "The two password fields didn\u2019t match.")).body();
        assertEquals(1, body.size());
        @SuppressWarnings("unchecked")
        List<String> messages = (List<String>) body.get("new_password2");
        assertEquals(2, messages.size());
        assertEquals(true, messages.contains("The two password fields didn\u2019t match."));
    }

    @Test
    void frameworkFailuresAreDetailsThatEchoNothingUnsafe() {
        assertEquals(Map.of("detail", "Method \"G?T\" not allowed."), DrfErrors.frameworkDetail(405, "G\u0000T", null, false));
        assertEquals(Map.of("detail", "Unsupported media type \"text/plain\" in request."),
                DrfErrors.frameworkDetail(415, "POST", "text/plain", false));
    }

    @Test
    void viewsAreFoundWithOrWithoutTheTrailingSlash() {
        assertEquals("Login", DrfViewMetadata.viewOf("/dj-rest-auth/login/").name());
        assertEquals("Login", DrfViewMetadata.viewOf("/dj-rest-auth/login").name());
        assertEquals("GET, PUT, PATCH, HEAD, OPTIONS", DrfViewMetadata.viewOf("/dj-rest-auth/user/").allow());
        assertNull(DrfViewMetadata.viewOf("/dj-rest-auth/nothing/"));
    }
}
