package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase.ConfirmPasswordResetCommand;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.out.PasswordHasherBusyException;
import dev.gatehouse.application.port.out.StorageUnavailableException;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The page behind the mailed reset link, so that the default link works without a frontend: GET
 * shows a form, the form posts back to the same URL (form-encoded; the JSON route stays the API),
 * and the password is set by the same use case as the API's. No script; the only inline style is
 * allowed by its hash. The page does not log the browser in: it ends the session the reset opened.
 */
@Tag(name = "auth")
@Controller("/api/auth/password/reset/confirm")
@ExecuteOn(TaskExecutors.BLOCKING)
public record PasswordResetPageController(ConfirmPasswordResetUseCase confirmReset, ClientInfos clientInfos) {

    static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#222}"
            + "label{display:block;margin:.8rem 0 .2rem}input[type=password]{width:100%;padding:.4rem;box-sizing:border-box}"
            + "button{margin-top:1rem;padding:.5rem 1.2rem}.error{color:#a00}";
    static final String CSP = "default-src 'none'; style-src '" + sha256(STYLE) + "'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    static final String DONE = "Your password has been changed, and every session of your account has been signed out. "
            + "Sign in with the new password.";
    static final String DEAD_LINK = "This link is not valid any more: it was used already, it expired, or a newer one was sent. "
            + "Ask for a new password reset link.";

    @Get(produces = MediaType.TEXT_HTML)
    @Operation(summary = "The password reset page (the mailed link): a form for the new password")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML))
    public MutableHttpResponse<String> form(@QueryValue @Nullable String token) {
        if (token == null || token.isBlank()) {
            return page(HttpStatus.BAD_REQUEST, message("This link is incomplete. Open the whole link from the mail, or ask for a new one."));
        }
        return page(HttpStatus.OK, form(token, List.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Operation(summary = "The password reset page's form: sets the new password")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML))
    public MutableHttpResponse<String> submit(@Body Map<String, Object> form, HttpRequest<?> request) {
        String token = field(form, "token");
        String newPassword = field(form, "new_password");
        String confirmPassword = field(form, "confirm_password");
        if (token == null || token.isBlank()) {
            return page(HttpStatus.BAD_REQUEST, message("This link is incomplete. Open the whole link from the mail, or ask for a new one."));
        }
        FieldErrors errors = new FieldErrors();
        PlainPassword password = Fields.password(errors, "new_password", newPassword);
        if (!errors.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, form(token, messages(errors.toException().errors())));
        }
        try {
            // A browser on this page holds no tokens: no session is opened for it.
            confirmReset.confirmPasswordReset(new ConfirmPasswordResetCommand(token, password,
                    Fields.optionalPassword(confirmPassword), clientInfos.of(request), SignIn.NO_SESSION));
            return page(HttpStatus.OK, message(DONE));
        } catch (ValidationFailedException e) {
            return page(HttpStatus.BAD_REQUEST, form(token, messages(e.errors())));
        } catch (TokenNotValidException e) {
            return page(HttpStatus.UNAUTHORIZED, message(DEAD_LINK));
        } catch (RateLimitedException e) {
            return page(HttpStatus.TOO_MANY_REQUESTS, message("Too many attempts. Try again in " + e.retryAfterSeconds() + " seconds."))
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()));
        } catch (StorageUnavailableException e) {
            return page(HttpStatus.SERVICE_UNAVAILABLE, message("The service is unavailable for a moment. Try again shortly."))
                    .header("Retry-After", "5");
        } catch (PasswordHasherBusyException e) {
            // Nothing was changed and the link is still good: keep the form, so a second submit is all it takes.
            return page(HttpStatus.SERVICE_UNAVAILABLE, form(token, List.of("The service is busy. Submit again in a moment.")))
                    .header("Retry-After", HasherBusyHandler.RETRY_AFTER_SECONDS);
        }
    }

    private static String field(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof List<?> list) {
            value = list.size() == 1 ? list.getFirst() : null; // a repeated field is not a value
        }
        return value instanceof String s ? s : null;
    }

    private static List<String> messages(Map<String, List<String>> errors) {
        return errors.values().stream().flatMap(List::stream).distinct().toList();
    }

    private static String form(String token, List<String> errors) {
        StringBuilder html = new StringBuilder("<h1>Choose a new password</h1>\n");
        for (String error : errors) {
            html.append("<p class=\"error\">").append(escape(error)).append("</p>\n");
        }
        return html.append("<form method=\"post\">\n")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(escape(token)).append("\">\n")
                .append("<label for=\"new_password\">New password</label>\n")
                .append("<input type=\"password\" id=\"new_password\" name=\"new_password\" autocomplete=\"new-password\" required>\n")
                .append("<label for=\"confirm_password\">The same again</label>\n")
                .append("<input type=\"password\" id=\"confirm_password\" name=\"confirm_password\" autocomplete=\"new-password\" required>\n")
                .append("<button type=\"submit\">Set password</button>\n</form>\n")
                .toString();
    }

    private static String message(String text) {
        return "<h1>Password reset</h1>\n<p>" + escape(text) + "</p>\n";
    }

    private static MutableHttpResponse<String> page(HttpStatus status, String content) {
        String html = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Password reset</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + content + "</body>\n</html>\n";
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8").body(html)
                .header(SecurityHeadersFilter.CSP_HEADER, CSP);
    }

    /** HTML-escaped, as every page the service renders (the admin console's escaping). */
    static String escape(String text) {
        return dev.gatehouse.adapter.in.rest.console.Html.esc(text);
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
