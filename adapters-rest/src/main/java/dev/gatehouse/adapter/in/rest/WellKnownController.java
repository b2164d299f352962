package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.oauth.IntrospectionCredentials;
import dev.gatehouse.adapter.in.rest.oauth.OAuthClients;
import dev.gatehouse.application.port.in.PublishKeysUseCase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public keys and discovery, for services that verify our tokens themselves. */
@Tag(name = "discovery")
@Controller("/.well-known")
public record WellKnownController(PublishKeysUseCase keys, OAuthClients clients, IntrospectionCredentials introspection) {

    /** Current and previous public keys. Verifiers may cache this for five minutes. */
    @Get("/jwks.json")
    @Operation(summary = "JSON Web Key Set")
    public HttpResponse<Map<String, Object>> jwks() {
        return HttpResponse.ok(Map.<String, Object>of("keys", keys.publicKeys()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }

    /**
     * OpenID Connect discovery, for libraries that look here first. It describes only what exists: the token
     * endpoint (password and refresh_token grants), revocation, introspection when configured, UserInfo and the
     * keys. There is no authorization endpoint, so no response type and no ID token is issued; the signing
     * algorithm is listed because discovery requires it and access tokens use it.
     */
    @Get("/openid-configuration")
    @Operation(summary = "OpenID Connect discovery document")
    public HttpResponse<Map<String, Object>> discovery() {
        Map<String, Object> document = authorizationServer(keys.issuer());
        document.put("userinfo_endpoint", keys.issuer() + "/oauth/userinfo");
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("ES256"));
        document.put("claims_supported", List.of("sub", "email", "email_verified", "preferred_username", "name",
                "given_name", "family_name", "picture", "phone_number", "updated_at"));
        return HttpResponse.ok(document).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }

    /** RFC 8414 authorization server metadata: the same facts without the OpenID Connect ones. */
    @Get("/oauth-authorization-server")
    @Operation(summary = "OAuth 2.0 authorization server metadata (RFC 8414)")
    public HttpResponse<Map<String, Object>> authorizationServerMetadata() {
        return HttpResponse.ok(authorizationServer(keys.issuer())).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }

    private Map<String, Object> authorizationServer(String issuer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        document.put("token_endpoint", issuer + "/oauth/token");
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        document.put("grant_types_supported", clients.grantsInUse());
        // No authorization endpoint: no response type is supported (RFC 8414 §2 asks for the list all the same).
        document.put("response_types_supported", List.of());
        document.put("scopes_supported", clients.scopesInUse());
        document.put("revocation_endpoint", issuer + "/oauth/revoke");
        document.put("revocation_endpoint_auth_methods_supported", List.of("none"));
        if (introspection.configured()) {
            document.put("introspection_endpoint", issuer + "/oauth/introspect");
            document.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        }
        return document;
    }
}
