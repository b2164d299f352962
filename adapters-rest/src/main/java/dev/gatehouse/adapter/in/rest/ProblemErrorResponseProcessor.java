package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthController;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DrfErrors;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every error the framework raises by itself (malformed JSON, unknown or mistyped fields,
 * missing body, 404/405/413/415) into problem+json. Messages from the JSON reader are not echoed
 * raw: they can quote the client's input at length; we name the field and say what is wrong.
 *
 * <p>One exception: with the dj-rest-auth dialect on, errors under {@code /dj-rest-auth/} are answered as
 * Django REST framework answers them ({@code {"detail": "…"}}, application/json), since the clients of
 * that dialect parse nothing else. {@code /api/auth} and everything else stay problem+json.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]{1,64})]");
    private static final Pattern JSON_PATH_FIELD = Pattern.compile("\\[\"([^\"]{1,64})\"]");
    private static final String DJ_REST_AUTH = "/dj-rest-auth";

    private final boolean djRestAuth;

    public ProblemErrorResponseProcessor(@Value("${" + DjRestAuthController.ENABLED + ":false}") boolean djRestAuth) {
        this.djRestAuth = djRestAuth;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        int status = response.getStatus().getCode();
        String path = context.getRequest().getPath();
        if (djRestAuth && (path.equals(DJ_REST_AUTH) || path.startsWith(DJ_REST_AUTH + "/"))) {
            boolean notJson = status == 400 && !bodyProblem(context).startsWith("The request body could not be read");
            Map<String, Object> drf = DrfErrors.frameworkDetail(status, context.getRequest().getMethodName(),
                    context.getRequest().getContentType().map(MediaType::toString).orElse(null), notJson);
            return (MutableHttpResponse<Problem>) (MutableHttpResponse<?>) response.body(drf).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        String code = Problems.codeFor(status);
        String detail;
        Map<String, List<String>> errors = null;
        if (status == 400) {
            errors = fieldErrors(context);
            detail = errors.isEmpty() ? bodyProblem(context) : "One or more fields are invalid.";
        } else {
            detail = switch (status) {
                case 404 -> "No resource at this address.";
                case 405 -> "This method is not allowed here.";
                case 406 -> "The requested media type cannot be produced.";
                case 413 -> "The request body is too large.";
                case 415 -> "Send the body as application/json.";
                default -> status >= 500 ? "The server could not handle the request." : response.getStatus().getReason();
            };
        }
        Problem problem = Problems.problem(HttpStatus.valueOf(status), code, detail, errors);
        return ((MutableHttpResponse<Problem>) response).body(problem).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }

    private static Map<String, List<String>> fieldErrors(ErrorContext context) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
            if (unknown.find()) {
                errors.put(unknown.group(1), List.of("Unknown field."));
                return errors;
            }
        }
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Cannot deserialize") || message.contains("Unexpected token") || message.contains("not a valid")) {
                Matcher field = JSON_PATH_FIELD.matcher(message);
                if (field.find()) {
                    errors.put(field.group(1), List.of("Wrong type for this field."));
                    return errors;
                }
            }
        }
        return errors;
    }

    private static String bodyProblem(ErrorContext context) {
        Throwable root = context.getRootCause().orElse(null);
        String name = root == null ? "" : root.getClass().getSimpleName();
        if (name.contains("JsonSyntax") || name.contains("JsonParse") || name.contains("JsonEOF")) {
            return "The request body is not valid JSON.";
        }
        for (Error error : context.getErrors()) {
            if (error.getMessage() != null && error.getMessage().startsWith("Required Body")) {
                return "A JSON request body is required.";
            }
        }
        return "The request body could not be read: check the JSON and the types of its fields.";
    }
}
