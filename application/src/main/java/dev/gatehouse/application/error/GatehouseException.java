package dev.gatehouse.application.error;

/**
 * Every business failure a use case can report. Each has a stable {@link #code()} that clients
 * may switch on; the REST adapter alone decides the HTTP status. Sealed so that adapters mapping
 * these to responses are checked for completeness by the compiler.
 */
public abstract sealed class GatehouseException extends RuntimeException
        permits ValidationFailedException, InvalidCredentialsException, EmailNotVerifiedException,
        AccountDisabledException, TokenNotValidException, TokenReusedException, NotAuthenticatedException,
        PermissionDeniedException, NotFoundException, RateLimitedException, LastAdminException, EmailTakenException,
        SettingsConflictException, SettingsRejectedException, MfaStateException, RecentLoginRequiredException,
        SocialLoginException {

    protected GatehouseException(String message) {
        // No stack trace: these are expected outcomes, thrown on hot paths, and never logged as errors.
        super(message, null, false, false);
    }

    public abstract String code();
}
