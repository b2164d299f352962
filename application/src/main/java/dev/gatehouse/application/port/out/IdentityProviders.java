package dev.gatehouse.application.port.out;

import java.util.List;

/**
 * The configured outside identity providers (OpenID Connect issuers and plain OAuth 2.0 providers),
 * each named by the id it has in configuration. Every method that talks to a provider does so with
 * bounded timeouts and throws {@link IdentityProviderException}, never anything else.
 */
public interface IdentityProviders {
    /** Provider ids, as configured. */
    List<String> ids();

    default boolean has(String provider) {
        return ids().contains(provider);
    }

    /**
     * Where to send the browser: the provider's authorization endpoint with our client id, our callback,
     * the scopes, {@code state}, {@code nonce} (OpenID providers) and the PKCE S256 challenge.
     */
    String authorizationUrl(String provider, String state, String nonce, String codeChallenge);

    /**
     * Exchanges an authorization code at the provider's token endpoint (with the PKCE verifier when the
     * flow began here, null for a code a frontend obtained itself) and reads the identity: from the
     * checked id_token for OpenID providers ({@code expectedNonce} must match when given), from the
     * user-info endpoint otherwise.
     */
    ProviderIdentity redeemCode(String provider, String code, String codeVerifier, String expectedNonce);

    /**
     * Checks an id_token a native app got from the provider: signature against the provider's keys, issuer,
     * audience (our client id), expiry and, when {@code expectedNonce} is given, the nonce.
     */
    ProviderIdentity verifyIdToken(String provider, String idToken, String expectedNonce);
}
