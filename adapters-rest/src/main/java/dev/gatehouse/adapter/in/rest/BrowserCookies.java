package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.port.in.PublishKeysUseCase;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cookie mode for browser apps (AUTH_COOKIE_MODE=true): the refresh token lives in an HttpOnly, Secure,
 * SameSite cookie that page scripts cannot read, and a readable CSRF cookie sits beside it for the
 * double-submit check. The one edge component for it: {@link BrowserCookieFilter} sets and clears the
 * cookies and guards the routes that read them; the dialects' refresh and logout ask
 * {@link #refreshToken} for the token (the body's wins), and logout asks {@link #clearOnResponse}.
 *
 * <p>A request that reads the cookie must prove it comes from an allowed page: the CSRF header equal to the
 * CSRF cookie (a page of another site can neither read the cookie nor set the header on a form post) and an
 * {@code Origin} that is the issuer's or one of AUTH_CORS_ALLOWED_ORIGINS.
 */
// @Context: a malformed setting stops the service at start-up, not at the first request.
@Context
public final class BrowserCookies {
    /** The dj-rest-auth dialect's own prefix: its refresh cookie is scoped to it. */
    public static final String DJ_REST_AUTH_PATH = "/dj-rest-auth";
    private static final String CLEAR = BrowserCookies.class.getName() + ".clear";
    private static final int CSRF_BYTES = 32;

    private final boolean enabled;
    private final String refreshName;
    private final String path;
    private final String domain;
    private final SameSite sameSite;
    private final boolean secure;
    private final String csrfName;
    private final String csrfHeader;
    private final Set<String> allowedOrigins;
    private final PublishKeysUseCase keys;
    private final SecureRandom random = new SecureRandom();

    public BrowserCookies(@Value("${auth.cookie.mode:false}") boolean enabled,
                          @Value("${auth.cookie.refresh-name:gatehouse_refresh}") String refreshName,
                          @Value("${auth.cookie.path:/api/auth}") String path,
                          @Value("${auth.cookie.domain:}") String domain,
                          @Value("${auth.cookie.same-site:Lax}") String sameSite,
                          @Value("${auth.cookie.secure:true}") boolean secure,
                          @Value("${auth.cookie.csrf-name:csrf}") String csrfName,
                          @Value("${auth.cookie.csrf-header:X-CSRF-Token}") String csrfHeader,
                          @Value("${auth.cors-allowed-origins:}") String corsOrigins,
                          PublishKeysUseCase keys) {
        this.enabled = enabled;
        this.refreshName = token("AUTH_COOKIE_REFRESH_NAME", refreshName);
        this.csrfName = token("AUTH_COOKIE_CSRF_NAME", csrfName);
        this.csrfHeader = token("AUTH_COOKIE_CSRF_HEADER", csrfHeader);
        if (this.refreshName.equals(this.csrfName)) {
            throw new IllegalStateException("AUTH_COOKIE_REFRESH_NAME and AUTH_COOKIE_CSRF_NAME must differ");
        }
        if (!path.startsWith("/") || path.contains(";")) {
            throw new IllegalStateException("AUTH_COOKIE_PATH must be a path starting with /");
        }
        this.path = path;
        this.domain = domain == null || domain.isBlank() ? null : domain.strip();
        if (this.domain != null && !this.domain.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new IllegalStateException("AUTH_COOKIE_DOMAIN must be a host name");
        }
        this.sameSite = switch (sameSite.strip().toLowerCase(Locale.ROOT)) {
            case "lax" -> SameSite.Lax;
            case "strict" -> SameSite.Strict;
            case "none" -> SameSite.None;
            default -> throw new IllegalStateException("AUTH_COOKIE_SAMESITE must be Lax, Strict or None");
        };
        if (this.sameSite == SameSite.None && !secure) {
            throw new IllegalStateException("AUTH_COOKIE_SAMESITE=None needs AUTH_COOKIE_SECURE=true (browsers drop it otherwise)");
        }
        this.secure = secure;
        this.allowedOrigins = Arrays.stream(corsOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).collect(Collectors.toUnmodifiableSet());
        this.keys = keys;
    }

    private static String token(String setting, String value) {
        if (value == null || !value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalStateException(setting + " must be 1 to 64 letters, digits, '_' or '-'");
        }
        return value;
    }

    public boolean enabled() {
        return enabled;
    }

    public String csrfHeader() {
        return csrfHeader;
    }

    /**
     * The refresh token to use: the body's when it has one (the body wins), else the cookie's in cookie mode
     * (the filter has checked CSRF and Origin for every request that carries it), else null.
     */
    public String refreshToken(HttpRequest<?> request, String fromBody) {
        if (fromBody != null && !fromBody.isEmpty()) {
            return fromBody;
        }
        return enabled ? refreshCookie(request).orElse(null) : null;
    }

    /** Logout: both cookies go, whichever token ended the session. */
    public void clearOnResponse(HttpRequest<?> request) {
        if (enabled) {
            request.setAttribute(CLEAR, Boolean.TRUE);
        }
    }

    boolean clearRequested(HttpRequest<?> request) {
        return request.getAttribute(CLEAR).isPresent();
    }

    Optional<String> refreshCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(refreshName).map(Cookie::getValue).filter(v -> !v.isEmpty());
    }

    /** Why an unsafe request carrying the refresh cookie is refused, or null when it may go on. */
    String csrfFailure(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || !(allowedOrigins.contains(origin) || origin.equals(issuerOrigin()))) {
            return "Origin checking failed: the request does not come from an allowed origin.";
        }
        String cookie = request.getCookies().findCookie(csrfName).map(Cookie::getValue).orElse("");
        String header = request.getHeaders().get(csrfHeader);
        if (cookie.isEmpty() || header == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8))) {
            return "CSRF token missing or incorrect: send the " + csrfName + " cookie's value in the " + csrfHeader + " header.";
        }
        return null;
    }

    static boolean isUnsafe(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS && method != HttpMethod.TRACE;
    }

    private String issuerOrigin() {
        URI issuer = URI.create(keys.issuer());
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    /** The path the request's dialect scopes its refresh cookie to. */
    String pathFor(HttpRequest<?> request) {
        String requestPath = request.getPath();
        return requestPath.equals(DJ_REST_AUTH_PATH) || requestPath.startsWith(DJ_REST_AUTH_PATH + "/") ? DJ_REST_AUTH_PATH : path;
    }

    /** Sets the refresh cookie and the CSRF cookie (kept when the browser has a well-formed one); returns the CSRF value. */
    String set(HttpRequest<?> request, MutableHttpResponse<?> response, String refresh, Instant expiry) {
        Duration maxAge = expiry == null ? null : Duration.between(Instant.now(), expiry);
        Cookie refreshCookie = base(Cookie.of(refreshName, refresh), pathFor(request), maxAge).httpOnly(true);
        String csrf = request.getCookies().findCookie(csrfName).map(Cookie::getValue)
                .filter(v -> v.matches("[A-Za-z0-9_-]{43}")).orElseGet(this::newCsrf);
        // Readable by the page (not HttpOnly) and sent everywhere on the site, so any page of the app can copy it.
        Cookie csrfCookie = base(Cookie.of(csrfName, csrf), "/", maxAge).httpOnly(false);
        response.cookie(refreshCookie);
        response.cookie(csrfCookie);
        response.header(csrfHeader, csrf);
        return csrf;
    }

    void clear(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.cookie(base(Cookie.of(refreshName, ""), pathFor(request), Duration.ZERO).httpOnly(true));
        response.cookie(base(Cookie.of(csrfName, ""), "/", Duration.ZERO).httpOnly(false));
    }

    private Cookie base(Cookie cookie, String cookiePath, Duration maxAge) {
        cookie.path(cookiePath).secure(secure).sameSite(sameSite);
        if (domain != null) {
            cookie.domain(domain);
        }
        if (maxAge != null) {
            cookie.maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge);
        }
        return cookie;
    }

    private String newCsrf() {
        byte[] bytes = new byte[CSRF_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
