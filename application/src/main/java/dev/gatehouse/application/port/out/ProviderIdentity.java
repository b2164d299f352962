package dev.gatehouse.application.port.out;

import java.util.Objects;

/**
 * Who an identity provider says the person is, after the adapter checked the provider's answer
 * (an id_token's signature, issuer, audience, expiry and nonce; or a user-info response fetched with
 * the provider's own access token). Values are as the provider sent them; the application bounds them.
 *
 * @param subject       the provider's stable id for the person (OpenID {@code sub}, GitHub's numeric id)
 * @param email         the address the provider holds, or null
 * @param emailVerified the provider vouches for the address (OpenID {@code email_verified}, GitHub's verified primary)
 */
public record ProviderIdentity(String subject, String email, boolean emailVerified, String givenName, String familyName) {
    public ProviderIdentity {
        Objects.requireNonNull(subject, "subject");
    }
}
