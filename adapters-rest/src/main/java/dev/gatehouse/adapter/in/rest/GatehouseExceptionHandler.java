package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.EmailNotVerifiedException;
import dev.gatehouse.application.error.GatehouseException;
import dev.gatehouse.application.error.MfaStateException;
import dev.gatehouse.application.error.RecentLoginRequiredException;
import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.NotAuthenticatedException;
import dev.gatehouse.application.error.EmailTakenException;
import dev.gatehouse.application.error.SettingsConflictException;
import dev.gatehouse.application.error.SettingsRejectedException;
import dev.gatehouse.application.error.SocialLoginException;
import dev.gatehouse.application.error.LastAdminException;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.PermissionDeniedException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.TokenReusedException;
import dev.gatehouse.application.error.ValidationFailedException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The only place business failures become HTTP statuses. */
@Produces
@Singleton
public final class GatehouseExceptionHandler implements ExceptionHandler<GatehouseException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, GatehouseException exception) {
        HttpStatus status = switch (exception) {
            case ValidationFailedException v -> HttpStatus.BAD_REQUEST;
            case InvalidCredentialsException i -> HttpStatus.UNAUTHORIZED;
            case TokenNotValidException t -> HttpStatus.UNAUTHORIZED;
            case TokenReusedException t -> HttpStatus.UNAUTHORIZED;
            case NotAuthenticatedException n -> HttpStatus.UNAUTHORIZED;
            case EmailNotVerifiedException e -> HttpStatus.FORBIDDEN;
            case AccountDisabledException a -> HttpStatus.FORBIDDEN;
            case PermissionDeniedException p -> HttpStatus.FORBIDDEN;
            case NotFoundException n -> HttpStatus.NOT_FOUND;
            case RateLimitedException r -> HttpStatus.TOO_MANY_REQUESTS;
            case LastAdminException l -> HttpStatus.CONFLICT;
            case EmailTakenException e -> HttpStatus.BAD_REQUEST;
            case SettingsConflictException c -> HttpStatus.CONFLICT;
            // The admin API names each setting itself; reaching here, the problems still go out by setting.
            case SettingsRejectedException r -> HttpStatus.BAD_REQUEST;
            case MfaStateException m -> HttpStatus.CONFLICT;
            // 403, not 401: a 401 sends clients to refresh and retry, which cannot help here.
            case RecentLoginRequiredException r -> HttpStatus.FORBIDDEN;
            case SocialLoginException s -> SocialLoginStatus.of(s.reason());
        };
        MutableHttpResponse<Problem> response = Problems.response(status, exception.code(), exception.getMessage(),
                exception instanceof ValidationFailedException v ? v.errors() : null);
        if (exception instanceof RateLimitedException limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        if (exception instanceof NotAuthenticatedException || exception instanceof TokenNotValidException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }
}
