package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.EmailNotVerifiedException;
import dev.gatehouse.application.error.GatehouseException;
import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.NotAuthenticatedException;
import dev.gatehouse.application.error.EmailTakenException;
import dev.gatehouse.application.error.SettingsConflictException;
import dev.gatehouse.application.error.SettingsRejectedException;
import dev.gatehouse.application.error.SocialLoginException;
import dev.gatehouse.application.error.LastAdminException;
import dev.gatehouse.application.error.MfaStateException;
import dev.gatehouse.application.error.RecentLoginRequiredException;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.PermissionDeniedException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.TokenReusedException;
import dev.gatehouse.application.error.ValidationFailedException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error bodies as Django REST framework, dj-rest-auth and simplejwt write them, which is what their
 * clients parse: {@code {"field": ["message"]}} and {@code {"non_field_errors": [...]}} for validation
 * (400), {@code {"detail": "…"}} for everything else, plus {@code "code": "token_not_valid"} for tokens.
 * Plain {@code application/json}, never problem+json.
 */
public final class DrfErrors {
    public static final String NON_FIELD_ERRORS = "non_field_errors";
    static final String BAD_CREDENTIALS = "Unable to log in with provided credentials.";
    static final String DISABLED = "User account is disabled.";
    static final String NOT_VERIFIED = "E-mail is not verified.";
    static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    static final String TOKEN_INVALID = "Token is invalid or expired";
    static final String BEARER_INVALID = "Given token not valid for any token type";
    static final String BLACKLISTED = "Token is blacklisted";
    static final String WRONG_TYPE = "Token has wrong type";
    static final String TOKEN_NOT_VALID = "token_not_valid";
    static final String NOT_FOUND = "Not found.";
    /** simplejwt and DRF name the realm "api" in their challenge. */
    private static final String CHALLENGE = "Bearer realm=\"api\"";

    private DrfErrors() {
    }

    /** Any business failure, in the words DRF would use for it. */
    static MutableHttpResponse<Map<String, Object>> of(GatehouseException exception) {
        return switch (exception) {
            case ValidationFailedException v -> fields(v.errors(), Map.of());
            case InvalidCredentialsException i -> nonField(BAD_CREDENTIALS);
            case AccountDisabledException a -> nonField(DISABLED);
            case EmailNotVerifiedException e -> nonField(NOT_VERIFIED);
            case NotAuthenticatedException n -> detail(HttpStatus.UNAUTHORIZED, NOT_PROVIDED).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            case TokenNotValidException t -> bearerInvalid();
            case TokenReusedException t -> token(BLACKLISTED);
            case PermissionDeniedException p -> detail(HttpStatus.FORBIDDEN, "You do not have permission to perform this action.");
            case NotFoundException n -> detail(HttpStatus.NOT_FOUND, NOT_FOUND);
            case RateLimitedException r -> throttled(r.retryAfterSeconds());
            // Native-only rules (the admin API, email change): said in DRF's words should they ever reach here.
            case LastAdminException l -> detail(HttpStatus.CONFLICT, l.getMessage());
            case EmailTakenException e -> fields(Map.of("email", List.of(e.getMessage())), Map.of());
            case SettingsConflictException c -> detail(HttpStatus.CONFLICT, c.getMessage());
            case SettingsRejectedException r -> nonField(r.getMessage());
            // dj-rest-auth's MFA views answer these with 400 and their own words.
            case MfaStateException m -> detail(HttpStatus.BAD_REQUEST, m.enabled()
                    ? "MFA is already enabled. Deactivate it before activating again." : "MFA is not enabled.");
            case RecentLoginRequiredException r -> detail(HttpStatus.FORBIDDEN, r.getMessage());
            case SocialLoginException s -> DjRestAuthSocialErrors.of(s);
        };
    }

    /**
     * 400 with per-field messages. {@code renames} maps the application's field names to the dialect's
     * ({@code new_password → new_password2}); a rename to {@link #NON_FIELD_ERRORS} makes a form-level error.
     * Fields that land on the same name keep all their messages, in order.
     */
    static MutableHttpResponse<Map<String, Object>> fields(Map<String, List<String>> errors, Map<String, String> renames) {
        return fields(errors, renames, Map.of());
    }

    /** As {@link #fields(Map, Map)}, with the messages the dialect words otherwise replaced by its own. */
    static MutableHttpResponse<Map<String, Object>> fields(Map<String, List<String>> errors, Map<String, String> renames,
                                                          Map<String, String> wording) {
        Map<String, List<String>> renamed = new LinkedHashMap<>();
        errors.forEach((field, messages) -> renamed.computeIfAbsent(renames.getOrDefault(field, field), f -> new ArrayList<>())
                .addAll(messages.stream().map(m -> wording.getOrDefault(m, m)).toList()));
        Map<String, Object> body = new LinkedHashMap<>(renamed);
        return json(HttpStatus.BAD_REQUEST, body);
    }

    static MutableHttpResponse<Map<String, Object>> nonField(String message) {
        return json(HttpStatus.BAD_REQUEST, Map.of(NON_FIELD_ERRORS, List.of(message)));
    }

    static MutableHttpResponse<Map<String, Object>> field(String field, String message) {
        return json(HttpStatus.BAD_REQUEST, Map.of(field, List.of(message)));
    }

    /** simplejwt's answer for a token it will not accept: 401 with {@code code: token_not_valid}. */
    static MutableHttpResponse<Map<String, Object>> token(String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("code", TOKEN_NOT_VALID);
        return json(HttpStatus.UNAUTHORIZED, body).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }

    /**
     * simplejwt's JWTAuthentication refusing the Bearer token: its detail, code, and the {@code messages}
     * list naming the token class each type tried gave up with.
     */
    static MutableHttpResponse<Map<String, Object>> bearerInvalid() {
        MutableHttpResponse<Map<String, Object>> response = token(BEARER_INVALID);
        Map<String, Object> body = new LinkedHashMap<>(response.body());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("token_class", "AccessToken");
        message.put("token_type", "access");
        message.put("message", TOKEN_INVALID);
        body.put("messages", List.of(message));
        return response.body(body);
    }

    public static MutableHttpResponse<Map<String, Object>> detail(HttpStatus status, String detail) {
        return json(status, Map.of("detail", detail));
    }

    /** DRF's throttling message, with its singular and plural, and Retry-After. */
    static MutableHttpResponse<Map<String, Object>> throttled(long seconds) {
        return detail(HttpStatus.TOO_MANY_REQUESTS,
                        "Request was throttled. Expected available in " + seconds + (seconds == 1 ? " second." : " seconds."))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** A client-supplied value echoed in a message: bounded, printable ASCII only. */
    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 100; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static MutableHttpResponse<Map<String, Object>> json(HttpStatus status, Map<String, Object> body) {
        return HttpResponse.<Map<String, Object>>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /**
     * What the framework's own failures on a dj-rest-auth path (unreadable JSON, wrong content type, no
     * such route or method) look like in DRF: a {@code detail}.
     */
    public static Map<String, Object> frameworkDetail(int status, String method, String contentType, boolean notJson) {
        String detail = switch (status) {
            case 400 -> notJson ? "JSON parse error - the request body is not valid JSON." : "Invalid data. Expected a dictionary.";
            case 404 -> NOT_FOUND;
            case 405 -> "Method \"" + clip(method) + "\" not allowed.";
            case 406 -> "Could not satisfy the request Accept header.";
            case 413 -> "Request body too large.";
            case 415 -> "Unsupported media type \"" + clip(contentType) + "\" in request.";
            default -> status >= 500 ? "A server error occurred." : "Invalid request.";
        };
        return Map.of("detail", detail);
    }
}
