package dev.gatehouse.adapter.out.oidc;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One configured provider, as bootstrap read it from configuration (presets already applied).
 *
 * @param kind             how the provider speaks: OpenID Connect (discovery, id_token), GitHub's OAuth 2.0 (token,
 *                         {@code /user}, {@code /user/emails}), or plain OAuth 2.0 with a user-info URL
 * @param issuer           OpenID issuer; its discovery document is {@code issuer + /.well-known/openid-configuration}.
 *                         May contain {@link NimbusIdentityProviders#TENANT} (Microsoft's multi-tenant endpoints):
 *                         the id_token's {@code tid} then fills it in
 * @param discoveryUrl     where to read the discovery document, when not under the issuer (Microsoft's common tenant)
 * @param callbackUrl      our redirect URI registered at the provider
 * @param appleClientSecret signs the client secret as Apple wants it (ES256 JWT), or null
 */
public record ProviderSettings(String id, Kind kind, URI issuer, URI discoveryUrl, String clientId, String clientSecret,
                               List<String> scopes, URI authorizationUrl, URI tokenUrl, URI userinfoUrl, URI emailsUrl,
                               URI callbackUrl, boolean formPostResponse, AppleClientSecret appleClientSecret) {
    public enum Kind { OIDC, GITHUB, OAUTH2 }

    public ProviderSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        scopes = List.copyOf(scopes);
        if (kind == Kind.OIDC && issuer == null) {
            throw new IllegalArgumentException("provider " + id + ": an OpenID provider needs an issuer");
        }
        if (kind != Kind.OIDC && (authorizationUrl == null || tokenUrl == null || userinfoUrl == null)) {
            throw new IllegalArgumentException("provider " + id + ": an OAuth 2.0 provider needs authorization, token and user-info URLs");
        }
    }

    @Override
    public String toString() {
        return "ProviderSettings[id=" + id + ", kind=" + kind + ", issuer=" + issuer + ", clientId=" + clientId
                + ", scopes=" + scopes + ", callbackUrl=" + callbackUrl + "]";
    }
}
