package dev.gatehouse.adapter.in.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.Set;

/**
 * Cookie mode at the edge, for every dialect at once (see {@link BrowserCookies}):
 * <ul>
 *   <li>before routing, an unsafe request to a route that reads the refresh cookie, carrying that cookie, must
 *       pass the CSRF and Origin checks, or it is a 403 {@code csrf_failed} (in the dj-rest-auth dialect,
 *       DRF's {@code {"detail": "CSRF Failed: …"}}). Checked before the body is read, so a cross-site form
 *       post is refused as such, whatever it sends;</li>
 *   <li>after the controller, a body that carries a refresh token has it moved into the cookie;
 *       a logout clears both cookies.</li>
 * </ul>
 * Off (AUTH_COOKIE_MODE unset), it does nothing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class BrowserCookieFilter {
    /** The routes that read the refresh cookie (with and without Django's trailing slash). */
    private static final Set<String> COOKIE_READERS = Set.of("/api/auth/refresh", "/api/auth/logout",
            BrowserCookies.DJ_REST_AUTH_PATH + "/token/refresh", BrowserCookies.DJ_REST_AUTH_PATH + "/logout");

    private final BrowserCookies cookies;

    public BrowserCookieFilter(BrowserCookies cookies) {
        this.cookies = cookies;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> guard(HttpRequest<?> request) {
        if (!cookies.enabled() || !BrowserCookies.isUnsafe(request.getMethod())) {
            return null;
        }
        String path = request.getPath();
        String route = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!COOKIE_READERS.contains(route) || cookies.refreshCookie(request).isEmpty()) {
            return null;
        }
        String failure = cookies.csrfFailure(request);
        if (failure == null) {
            return null;
        }
        if (route.startsWith(BrowserCookies.DJ_REST_AUTH_PATH + "/")) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("detail", "CSRF Failed: " + failure));
        }
        return Problems.response(HttpStatus.FORBIDDEN, "csrf_failed", failure, null);
    }

    @ResponseFilter
    public void moveRefreshIntoCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!cookies.enabled()) {
            return;
        }
        Object body = response.getBody().orElse(null);
        if (body instanceof CarriesRefreshToken carrier && response.code() < 300
                && carrier.refresh() != null && !carrier.refresh().isEmpty()) {
            cookies.set(request, response, carrier.refresh(), carrier.refreshExpiry());
            @SuppressWarnings("unchecked")
            MutableHttpResponse<Object> writable = (MutableHttpResponse<Object>) response;
            writable.body(carrier.hidingRefresh());
        }
        if (cookies.clearRequested(request)) {
            cookies.clear(request, response);
        }
    }
}
