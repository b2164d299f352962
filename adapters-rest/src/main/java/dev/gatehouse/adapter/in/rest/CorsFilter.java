package dev.gatehouse.adapter.in.rest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for the browser frontends named in AUTH_CORS_ALLOWED_ORIGINS (a comma-separated
 * list of exact origins such as https://app.example.com). No list, no cross-origin access: there is
 * no wildcard. Credentials (cookies) are allowed only in cookie mode (AUTH_COOKIE_MODE), and only for those
 * origins: the refresh cookie then goes with the app's requests, and the CSRF header may be sent and read.
 */
// @Context: a malformed setting stops the service at start-up, not at the first request.
@Context
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class CorsFilter {
    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept";

    private final Set<String> allowedOrigins;
    private final boolean credentials;
    private final String allowedHeaders;
    private final String exposedHeaders;

    public CorsFilter(@Value("${auth.cors-allowed-origins:}") String origins,
                      @Value("${auth.cookie.mode:false}") boolean cookieMode,
                      @Value("${auth.cookie.csrf-header:X-CSRF-Token}") String csrfHeader) {
        this.credentials = cookieMode;
        this.allowedHeaders = cookieMode ? ALLOWED_HEADERS + ", " + csrfHeader : ALLOWED_HEADERS;
        this.exposedHeaders = cookieMode ? "Retry-After, " + csrfHeader : "Retry-After";
        this.allowedOrigins = Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).collect(Collectors.toUnmodifiableSet());
    }

    /** Answers preflight requests itself, before routing (no route handles OPTIONS). */
    @RequestFilter
    @Nullable
    public HttpResponse<?> preflight(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (request.getMethod() != HttpMethod.OPTIONS || origin == null
                || request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) == null) {
            return null;
        }
        MutableHttpResponse<?> response = HttpResponse.noContent();
        response.header(HttpHeaders.VARY, "Origin");
        if (allowedOrigins.contains(origin)) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowedHeaders);
            if (credentials) {
                response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            }
            response.header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
        }
        return response;
    }

    @ResponseFilter
    public void allowOrigin(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null && request.getMethod() != HttpMethod.OPTIONS) {
            response.header(HttpHeaders.VARY, "Origin");
            if (allowedOrigins.contains(origin)) {
                response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                response.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposedHeaders);
                if (credentials) {
                    response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
                }
            }
        }
    }
}
