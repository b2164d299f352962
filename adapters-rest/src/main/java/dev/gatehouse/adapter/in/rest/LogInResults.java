package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.EmailNotVerifiedException;
import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;

/** One reading of a login's result for every driving adapter: the user, or the failure to report. */
public final class LogInResults {
    private LogInResults() {
    }

    public static AuthenticatedUser authenticatedOrThrow(LogInResult result) {
        return switch (result) {
            case LogInResult.LoggedIn in -> in.authenticated();
            case LogInResult.Throttled throttled -> throw new RateLimitedException(throttled.retryAfter());
            case LogInResult.Refused refused -> throw switch (refused.reason()) {
                case INVALID_CREDENTIALS -> new InvalidCredentialsException();
                case ACCOUNT_DISABLED -> new AccountDisabledException();
                case EMAIL_NOT_VERIFIED -> new EmailNotVerifiedException();
            };
        };
    }
}
