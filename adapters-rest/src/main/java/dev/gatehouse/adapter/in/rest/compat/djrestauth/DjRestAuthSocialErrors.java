package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import dev.gatehouse.application.error.SocialLoginException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;

/** Social-login refusals in the words of dj-rest-auth's SocialLoginSerializer and allauth. */
final class DjRestAuthSocialErrors {
    /** SocialLoginSerializer: neither access_token nor code (nor, here, id_token). */
    static final String INCORRECT_INPUT = "Incorrect input. access_token or code is required.";
    /** SocialLoginSerializer: the provider refused the token or code (allauth's HTTPError). */
    static final String INCORRECT_VALUE = "Incorrect value";
    static final String ACCOUNT_EXISTS = "User is already registered with this e-mail address.";
    /** allauth's connect: the identity belongs to another user. */
    static final String CONNECTED_ELSEWHERE = "The third-party account is already connected to a different account.";
    /** allauth's DefaultSocialAccountAdapter.validate_disconnect. */
    static final String NO_PASSWORD = "Your account has no password set up.";

    private DjRestAuthSocialErrors() {
    }

    static MutableHttpResponse<Map<String, Object>> of(SocialLoginException e) {
        return switch (e.reason()) {
            case ACCOUNT_EXISTS -> DrfErrors.nonField(ACCOUNT_EXISTS);
            case PROVIDER_TOKEN_INVALID, PROVIDER_ERROR -> DrfErrors.nonField(INCORRECT_VALUE);
            case IDENTITY_TAKEN -> DrfErrors.nonField(CONNECTED_ELSEWHERE);
            case LAST_LOGIN_METHOD -> DrfErrors.nonField(NO_PASSWORD);
            case UNKNOWN_PROVIDER -> DrfErrors.detail(HttpStatus.NOT_FOUND, DrfErrors.NOT_FOUND);
            case PROVIDER_UNAVAILABLE -> DrfErrors.detail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            case REDIRECT_NOT_ALLOWED, STATE_INVALID, EMAIL_UNVERIFIED -> DrfErrors.nonField(e.getMessage());
        };
    }
}
