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

    /** Every result but {@link LogInResult.MfaRequired}, which each dialect answers in its own shape. */
    public static AuthenticatedUser authenticatedOrThrow(LogInResult result) {
        return switch (result) {
            case LogInResult.LoggedIn in -> in.authenticated();
            case LogInResult.MfaRequired pending -> throw new IllegalStateException("a pending MFA login is the dialect's to answer");
            case LogInResult.Throttled throttled -> throw new RateLimitedException(throttled.retryAfter());
            case LogInResult.Refused refused -> throw switch (refused.reason()) {
                case INVALID_CREDENTIALS -> new InvalidCredentialsException();
                case ACCOUNT_DISABLED -> new AccountDisabledException();
                case EMAIL_NOT_VERIFIED -> new EmailNotVerifiedException();
            };
        };
    }
}
