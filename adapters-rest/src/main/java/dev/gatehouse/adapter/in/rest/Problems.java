package dev.gatehouse.adapter.in.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Map;

/** Builds problem responses; the one place that knows status, title and type for each code. */
public final class Problems {
    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String code, String detail,
                                                       Map<String, List<String>> errors) {
        return HttpResponse.<Problem>status(status)
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(problem(status, code, detail, errors));
    }

    public static Problem problem(HttpStatus status, String code, String detail, Map<String, List<String>> errors) {
        return new Problem(Problem.TYPE_BASE + code.replace('_', '-'), title(code, status), status.getCode(), detail, code,
                errors == null || errors.isEmpty() ? null : errors);
    }

    /** The code for a status the framework produced on its own (routing, body size, media type). */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "validation_failed";
            case 401 -> "not_authenticated";
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    private static String title(String code, HttpStatus status) {
        return switch (code) {
            case "validation_failed" -> "Invalid request";
            case "invalid_credentials" -> "Invalid credentials";
            case "email_not_verified" -> "Email not verified";
            case "account_disabled" -> "Account disabled";
            case "token_not_valid" -> "Token not valid";
            case "token_reused" -> "Refresh token reused";
            case "not_authenticated" -> "Not authenticated";
            case "permission_denied" -> "Permission denied";
            case "not_found" -> "Not found";
            case "last_admin" -> "Last administrator";
            case "email_taken" -> "Email taken";
            case "method_not_allowed" -> "Method not allowed";
            case "payload_too_large" -> "Payload too large";
            case "unsupported_media_type" -> "Unsupported media type";
            case "rate_limited" -> "Too many requests";
            case "csrf_failed" -> "CSRF check failed";
            case "service_unavailable" -> "Service unavailable";
            default -> status.getReason();
        };
    }
}
