package dev.gatehouse.adapter.in.rest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;

/**
 * Headers every response carries. The API serves JSON only, so its Content-Security-Policy allows
 * nothing at all; Swagger UI gets the minimum it needs. Token and user responses (all of /api/)
 * must never be cached. HSTS is sent when AUTH_HSTS_MAX_AGE is set (behind TLS).
 */
// @Context: a malformed setting stops the service at start-up, not at the first request.
@Context
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class SecurityHeadersFilter {
    static final String CSP_HEADER = "Content-Security-Policy";
    public static final String CSP_HEADER_NAME = CSP_HEADER;
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final String hsts;

    public SecurityHeadersFilter(@Value("${auth.hsts-max-age:0s}") Duration hstsMaxAge) {
        this.hsts = hstsMaxAge.isZero() || hstsMaxAge.isNegative() ? null
                : "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains";
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        // A page rendered by the service (the reset page) brings its own, equally strict policy.
        if (!response.getHeaders().contains(CSP_HEADER)) {
            response.header(CSP_HEADER, path.startsWith("/api-doc") ? DOCS_CSP : API_CSP);
        }
        if (path.startsWith("/api/")) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (hsts != null) {
            response.header("Strict-Transport-Security", hsts);
        }
    }
}
