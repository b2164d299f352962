package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.SocialLoginException.Reason;
import io.micronaut.http.HttpStatus;

/** The HTTP status of each social-login refusal. */
final class SocialLoginStatus {
    private SocialLoginStatus() {
    }

    static HttpStatus of(Reason reason) {
        return switch (reason) {
            case UNKNOWN_PROVIDER -> HttpStatus.NOT_FOUND;
            case REDIRECT_NOT_ALLOWED, STATE_INVALID, EMAIL_UNVERIFIED, LAST_LOGIN_METHOD -> HttpStatus.BAD_REQUEST;
            case PROVIDER_TOKEN_INVALID -> HttpStatus.UNAUTHORIZED;
            case ACCOUNT_EXISTS, IDENTITY_TAKEN -> HttpStatus.CONFLICT;
            // The provider's fault, not ours and not the client's: a gateway's statuses.
            case PROVIDER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case PROVIDER_ERROR -> HttpStatus.BAD_GATEWAY;
        };
    }
}
