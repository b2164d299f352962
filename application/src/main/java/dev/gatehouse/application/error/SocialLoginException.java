package dev.gatehouse.application.error;

/**
 * A sign-in with an outside identity provider, or a change to the identities linked to an account,
 * that did not happen. One class for the whole capability; the {@link Reason} carries the stable code.
 */
public final class SocialLoginException extends GatehouseException {
    public enum Reason {
        /** No provider of that id is configured. */
        UNKNOWN_PROVIDER("unknown_provider", "No identity provider of that name is configured."),
        /** redirect_to is not one of the allowed URLs. */
        REDIRECT_NOT_ALLOWED("redirect_not_allowed", "redirect_to is not an allowed URL."),
        /** The callback's state is unknown, spent, expired or of another provider. */
        STATE_INVALID("oauth_state_invalid", "The sign-in was not started here, has expired or was finished already."),
        /** The provider refused what was presented (id_token signature, audience, expiry, nonce; a spent code). */
        PROVIDER_TOKEN_INVALID("provider_token_invalid", "The identity provider's token or code is not valid."),
        /** A new identity's address belongs to an account that cannot be joined automatically: sign in and connect. */
        ACCOUNT_EXISTS("account_exists", "An account with this email address exists. Sign in to it and connect this provider."),
        /** No account could be created: the provider vouches for no address. */
        EMAIL_UNVERIFIED("provider_email_unverified", "The identity provider gave no verified email address."),
        /** The identity is linked to another account. */
        IDENTITY_TAKEN("identity_taken", "This identity is connected to another account."),
        /** Removing it would leave the account with no way to sign in. */
        LAST_LOGIN_METHOD("last_login_method", "This is the only way left to sign in to the account. Set a password first."),
        /** The provider could not be reached or answered 5xx; try again later. */
        PROVIDER_UNAVAILABLE("provider_unavailable", "The identity provider is unavailable. Try again later."),
        /** The provider answered something the protocol does not allow. */
        PROVIDER_ERROR("provider_error", "The identity provider gave an answer that could not be used.");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public SocialLoginException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason.code;
    }
}
