package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import io.micronaut.context.annotation.Requires;
import dev.gatehouse.adapter.in.rest.BearerAuthentication;
import dev.gatehouse.application.error.GatehouseException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Django REST framework says about each dj-rest-auth view beside its answer: every response
 * carries {@code Allow} (the view's methods) and {@code Vary: Accept}, and {@code OPTIONS} answers 200
 * with DRF's SimpleMetadata ({@code name}, {@code description}, {@code renders}, {@code parses}).
 * CORS preflights (with Access-Control-Request-Method) stay the CORS filter's.
 */
@ServerFilter("/dj-rest-auth/**")
@Requires(property = DjRestAuthController.ENABLED, value = "true")
public final class DrfViewMetadata {
    /** A view as DRF names it (its class name in words) and the methods Django lists for it. */
    record View(String name, String allow, boolean authenticated) {
        View(String name, String allow) {
            this(name, allow, false);
        }
    }

    private static final String POST = "POST, OPTIONS";
    private static final String GET_POST = "GET, POST, HEAD, OPTIONS";
    /** dj-rest-auth's urls.py: path (without the trailing slash) to view. */
    private static final Map<String, View> VIEWS = Map.ofEntries(
            Map.entry("/dj-rest-auth/login", new View("Login", POST)),
            // LogoutView defines get() only to refuse it; Django still lists GET (and HEAD).
            Map.entry("/dj-rest-auth/logout", new View("Logout", GET_POST)),
            Map.entry("/dj-rest-auth/password/reset", new View("Password Reset", POST)),
            Map.entry("/dj-rest-auth/password/reset/confirm", new View("Password Reset Confirm", POST)),
            Map.entry("/dj-rest-auth/password/change", new View("Password Change", POST, true)),
            Map.entry("/dj-rest-auth/user", new View("User Details", "GET, PUT, PATCH, HEAD, OPTIONS", true)),
            Map.entry("/dj-rest-auth/token/verify", new View("Token Verify", POST)),
            // get_refresh_view(): RefreshViewWithCookieSupport, whose name has no "View" suffix to strip.
            Map.entry("/dj-rest-auth/token/refresh", new View("Refresh View With Cookie Support", POST)),
            Map.entry("/dj-rest-auth/registration", new View("Register", POST)),
            // VerifyEmailView names its methods itself (allowed_methods), in this order.
            Map.entry("/dj-rest-auth/registration/verify-email", new View("Verify Email", "POST, OPTIONS, HEAD")),
            Map.entry("/dj-rest-auth/registration/resend-email", new View("Resend Email Verification", POST)),
            // dj_rest_auth.mfa's urls.py (DRF's view names split MFA/TOTP as camelcase_to_spaces does).
            Map.entry("/dj-rest-auth/mfa/verify", new View("MFA Verify", POST)),
            Map.entry("/dj-rest-auth/mfa/totp/activate", new View("TOTP Activate", GET_POST, true)),
            Map.entry("/dj-rest-auth/mfa/totp/deactivate", new View("TOTP Deactivate", POST, true)),
            Map.entry("/dj-rest-auth/mfa/status", new View("MFA Status", "GET, HEAD, OPTIONS", true)),
            Map.entry("/dj-rest-auth/mfa/recovery-codes", new View("Recovery Codes", "GET, HEAD, OPTIONS", true)),
            Map.entry("/dj-rest-auth/mfa/recovery-codes/regenerate", new View("Recovery Codes Regenerate", POST, true)));
    private static final List<String> RENDERS = List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML);
    private static final List<String> PARSES = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA);

    static @Nullable View viewOf(String path) {
        String key = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return VIEWS.get(key);
    }

    private final BearerAuthentication bearer;

    public DrfViewMetadata(BearerAuthentication bearer) {
        this.bearer = bearer;
    }

    /**
     * DRF authenticates before it looks at the method: on a view that needs a user, OPTIONS and a method
     * the view lacks answer 401 without a valid token, like every other request there.
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> options(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            return null;
        }
        View view = viewOf(request.getPath());
        boolean options = request.getMethod() == HttpMethod.OPTIONS;
        if (view == null || (!options && RouteAttributes.getRouteMatch(request).isPresent())) {
            return null;
        }
        if (view.authenticated()) {
            try {
                bearer.require(request);
            } catch (GatehouseException refused) {
                MutableHttpResponse<Map<String, Object>> answer = DrfErrors.of(refused);
                return answer.header(HttpHeaders.ALLOW, view.allow()).header(HttpHeaders.VARY, "Accept");
            }
        }
        if (!options) {
            return null; // the router's 405, in DRF's words, with Allow from the response filter
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", view.name());
        body.put("description", "");
        body.put("renders", RENDERS);
        body.put("parses", PARSES);
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ALLOW, view.allow()).header(HttpHeaders.VARY, "Accept");
    }

    @ResponseFilter
    public void allow(HttpRequest<?> request, MutableHttpResponse<?> response) {
        View view = viewOf(request.getPath());
        if (view != null && !request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            response.getHeaders().set(HttpHeaders.ALLOW, view.allow());
            response.getHeaders().add(HttpHeaders.VARY, "Accept");
        }
    }
}
