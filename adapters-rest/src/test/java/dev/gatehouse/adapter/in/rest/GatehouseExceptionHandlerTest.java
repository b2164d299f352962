package dev.gatehouse.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.application.error.GatehouseException;
import dev.gatehouse.application.error.LastAdminException;
import dev.gatehouse.application.error.NotAuthenticatedException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.SettingsConflictException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.ValidationFailedException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Business failures as problem+json: status, stable code, and the headers a client acts on. */
class GatehouseExceptionHandlerTest {
    private final GatehouseExceptionHandler handler = new GatehouseExceptionHandler();

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(ValidationFailedException.of("email", "Enter a valid email address."), 400, "validation_failed", null, null),
                Arguments.of(new TokenNotValidException(), 401, "token_not_valid", "Bearer", null),
                Arguments.of(new NotAuthenticatedException(), 401, "not_authenticated", "Bearer", null),
                Arguments.of(new RateLimitedException(Duration.ofSeconds(30)), 429, "rate_limited", null, "30"),
                Arguments.of(new LastAdminException(), 409, "last_admin", null, null),
                Arguments.of(new SettingsConflictException(3, 4), 409, "version_conflict", null, null));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureHasItsStatusCodeAndHeaders(GatehouseException failure, int status, String code, String challenge,
                                               String retryAfter) {
        HttpResponse<Problem> response = handler.handle(HttpRequest.GET("/api/auth/me"), failure);
        assertEquals(status, response.getStatus().getCode());
        Problem problem = response.body();
        assertEquals(code, problem.code());
        assertEquals(status, problem.status());
        assertEquals(challenge, response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
        assertEquals(retryAfter, response.getHeaders().get(HttpHeaders.RETRY_AFTER));
        if (failure instanceof ValidationFailedException) {
            assertEquals(Map.of("email", List.of("Enter a valid email address.")), problem.errors());
        } else {
            assertNull(problem.errors());
        }
    }
}
