package dev.gatehouse.adapter.in.rest.oauth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 6749 §5.2 error answers, never cached; invalid_client says how to authenticate (RFC 6749 §5.2, RFC 7235). */
@Produces
@Singleton
public final class OAuthErrorHandler implements ExceptionHandler<OAuthError, HttpResponse<Map<String, Object>>> {

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, OAuthError error) {
        return response(error);
    }

    /** The database is away: RFC 6749's nearest word for it, with the Retry-After the problem answer gives. */
    static OAuthError storageUnavailable() {
        return new OAuthError(503, "temporarily_unavailable", "The service is temporarily unavailable. Try again shortly.", 5);
    }

    public static MutableHttpResponse<Map<String, Object>> response(OAuthError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        if (error.getMessage() != null) {
            body.put("error_description", error.getMessage());
        }
        MutableHttpResponse<Map<String, Object>> response = HttpResponse.<Map<String, Object>>status(
                        io.micronaut.http.HttpStatus.valueOf(error.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .body(body);
        if (error.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gatehouse\"");
        }
        if (error.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
        }
        return response;
    }
}
