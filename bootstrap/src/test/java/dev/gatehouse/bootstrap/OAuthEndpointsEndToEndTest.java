package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.application.settings.Tunables;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standard endpoints driven by a real OAuth 2.0 / OpenID Connect client library (Nimbus oauth2-oidc-sdk),
 * and access tokens checked the way an RFC 9068 resource server checks them (Nimbus JOSE's JWT processor).
 */
@MicronautTest(transactional = false)
class OAuthEndpointsEndToEndTest extends HttpTest {
    static final String INTROSPECTION_ID = "resource-server";
    static final String INTROSPECTION_SECRET = "introspection-secret-0123456789";
    static final ClientID WEB = new ClientID("gatehouse-web");
    static final ClientID CLI = new ClientID("cli");

    @Override
    Map<String, String> extraProperties() {
        return Map.of("auth.oauth.clients", "gatehouse-web, cli:password+refresh_token:profile, rotate-only:refresh_token",
                "auth.oauth.introspection-client-id", INTROSPECTION_ID,
                "auth.oauth.introspection-secret", INTROSPECTION_SECRET);
    }

    @BeforeAll
    void noGraceWindow() {
        // Any second presentation of a spent refresh token is reuse, so the test needs no clock.
        tune(t -> new Tunables(t.accessTokenTtl(), t.refreshTokenTtl(), Duration.ZERO, t.verificationMode(),
                t.passwordMinLength(), t.rateLimits()));
    }

    String issuer() {
        return "http://localhost:" + server.getPort();
    }

    URI endpoint(String path) {
        return URI.create(issuer() + path);
    }

    HTTPResponse send(HTTPRequest request) {
        try {
            return request.send();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    TokenResponse token(ClientID client, AuthorizationGrant grant, Scope scope) {
        try {
            return TokenResponse.parse(send(new TokenRequest(endpoint("/oauth/token"), client, grant, scope).toHTTPRequest()));
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError(e);
        }
    }

    Tokens passwordGrant(ClientID client, String username, Scope scope) {
        TokenResponse response = token(client, new ResourceOwnerPasswordCredentialsGrant(username, new Secret(PASSWORD)), scope);
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toJSONObject().toString());
        return response.toSuccessResponse().getTokens();
    }

    static TokenErrorResponse error(TokenResponse response) {
        assertFalse(response.indicatesSuccess());
        return response.toErrorResponse();
    }

    /** What an RFC 9068 resource server does with our keys from the JWKS: header type, signature, claims. */
    JWTClaimsSet verifyAsResourceServer(AccessToken token) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(issuer() + "/.well-known/jwks.json")).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("gatehouse",
                new JWTClaimsSet.Builder().issuer(issuer()).build(),
                Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id")));
        return processor.process(token.getValue(), null);
    }

    String registered() {
        String email = uniqueEmail();
        register(email);
        return email;
    }

    @Test
    void discoveryDescribesTheEndpointsThatExist() throws Exception {
        OIDCProviderMetadata oidc = OIDCProviderMetadata.resolve(new Issuer(issuer()));
        assertEquals(endpoint("/oauth/token"), oidc.getTokenEndpointURI());
        assertEquals(endpoint("/oauth/userinfo"), oidc.getUserInfoEndpointURI());
        assertEquals(endpoint("/.well-known/jwks.json"), oidc.getJWKSetURI());
        assertNull(oidc.getAuthorizationEndpointURI(), "there is no authorization endpoint");

        AuthorizationServerMetadata as = AuthorizationServerMetadata.resolve(new Issuer(issuer()));
        assertEquals(endpoint("/oauth/token"), as.getTokenEndpointURI());
        assertEquals(endpoint("/oauth/revoke"), as.getRevocationEndpointURI());
        assertEquals(endpoint("/oauth/introspect"), as.getIntrospectionEndpointURI());
        assertEquals(List.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN), as.getGrantTypes());
        assertEquals(List.of(com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.NONE), as.getTokenEndpointAuthMethods());
        assertTrue(as.getResponseTypes() == null || as.getResponseTypes().isEmpty(), "no authorization endpoint, no response type");
        assertEquals(new HashSet<>(List.of("profile", "email", "offline_access")), new HashSet<>(as.getScopes().toStringList()));
    }

    @Test
    void thePasswordGrantIssuesAnRfc9068AccessTokenAndARefreshToken() throws Exception {
        String email = registered();
        Tokens tokens = passwordGrant(WEB, email, new Scope("profile", "email"));
        assertInstanceOf(BearerAccessToken.class, tokens.getAccessToken());
        long lifetime = tokens.getAccessToken().getLifetime();
        assertTrue(lifetime > 290 && lifetime <= 300, "expires_in: " + lifetime);
        assertEquals(new Scope("profile", "email"), tokens.getAccessToken().getScope());
        assertTrue(tokens.getRefreshToken().getValue().length() >= 43);

        JWTClaimsSet claims = verifyAsResourceServer(tokens.getAccessToken());
        assertEquals("gatehouse-web", claims.getStringClaim("client_id"));
        assertEquals("profile email", claims.getStringClaim("scope"));
        assertEquals(List.of("pwd"), claims.getStringListClaim("amr"));
        // The native API's own endpoints take the token like any other.
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(tokens.getAccessToken().getValue())).status());
    }

    @Test
    void theUsernameMayBeAUsernameAndAScopeIsOptional() throws Exception {
        String email = uniqueEmail();
        String username = "oauth" + email.substring(5, 17);
        assertEquals(201, postJson("/api/auth/register", Map.of("email", email, "username", username, "password", PASSWORD)).status());
        Tokens tokens = passwordGrant(CLI, username, null);
        assertNull(tokens.getAccessToken().getScope(), "no scope asked, none granted");
        assertEquals("cli", verifyAsResourceServer(tokens.getAccessToken()).getStringClaim("client_id"));
    }

    @Test
    void aTamperedAccessTokenFailsTheResourceServerCheck() throws Exception {
        Tokens tokens = passwordGrant(WEB, registered(), null);
        String value = tokens.getAccessToken().getValue();
        String tampered = value.substring(0, value.length() - 4) + (value.endsWith("AAAA") ? "BBBB" : "AAAA");
        try {
            verifyAsResourceServer(new BearerAccessToken(tampered));
            throw new AssertionError("a tampered token was accepted");
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException expected) {
            // refused
        }
    }

    @Test
    void wrongPasswordAndUnknownAccountAreTheSameInvalidGrant() {
        String email = registered();
        HTTPResponse wrong = send(new TokenRequest(endpoint("/oauth/token"), WEB,
                new ResourceOwnerPasswordCredentialsGrant(email, new Secret("not the password at all")), null).toHTTPRequest());
        HTTPResponse unknown = send(new TokenRequest(endpoint("/oauth/token"), WEB,
                new ResourceOwnerPasswordCredentialsGrant(uniqueEmail(), new Secret("not the password at all")), null).toHTTPRequest());
        assertEquals(400, wrong.getStatusCode());
        assertEquals(wrong.getStatusCode(), unknown.getStatusCode());
        assertEquals(wrong.getBody(), unknown.getBody());
        assertEquals("no-store", wrong.getHeaderValue("Cache-Control"));
        assertTrue(wrong.getHeaderValue("Content-Type").startsWith("application/json"), wrong.getHeaderValue("Content-Type"));
        assertEquals("invalid_grant", error(parse(wrong)).getErrorObject().getCode());
    }

    static TokenResponse parse(HTTPResponse response) {
        try {
            return TokenResponse.parse(response);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refreshRotatesAndASpentTokenPresentedAgainRevokesTheSession() throws Exception {
        Tokens first = passwordGrant(WEB, registered(), new Scope("email"));
        TokenResponse rotated = token(WEB, new RefreshTokenGrant(first.getRefreshToken()), null);
        assertTrue(rotated.indicatesSuccess());
        Tokens second = rotated.toSuccessResponse().getTokens();
        assertNotEquals(first.getRefreshToken(), second.getRefreshToken());
        assertEquals(new Scope("email"), second.getAccessToken().getScope(), "the session's scope is kept");
        JWTClaimsSet claims = verifyAsResourceServer(second.getAccessToken());
        assertEquals("email", claims.getStringClaim("scope"));
        assertEquals("gatehouse-web", claims.getStringClaim("client_id"));

        TokenErrorResponse reused = error(token(WEB, new RefreshTokenGrant(first.getRefreshToken()), null));
        assertEquals("invalid_grant", reused.getErrorObject().getCode());
        assertTrue(reused.getErrorObject().getDescription().contains("revoked"), reused.getErrorObject().getDescription());
        // The whole family is gone, and the session's access tokens with it.
        assertEquals("invalid_grant", error(token(WEB, new RefreshTokenGrant(second.getRefreshToken()), null)).getErrorObject().getCode());
        assertProblem(get("/api/auth/me", "Authorization", bearer(second.getAccessToken().getValue())), 401, "token_not_valid");
    }

    @Test
    void aRefreshTokenWorksOnlyForItsClientAndNeverForMoreScope() {
        Tokens web = passwordGrant(WEB, registered(), new Scope("profile"));
        assertEquals("invalid_grant", error(token(CLI, new RefreshTokenGrant(web.getRefreshToken()), null)).getErrorObject().getCode());
        // Refused before it was assessed: the rightful client can still use it.
        TokenResponse wider = token(WEB, new RefreshTokenGrant(web.getRefreshToken()), new Scope("profile", "email"));
        assertEquals("invalid_scope", error(wider).getErrorObject().getCode());
    }

    @Test
    void clientsGrantsAndScopesAreChecked() {
        String email = registered();
        var password = new ResourceOwnerPasswordCredentialsGrant(email, new Secret(PASSWORD));
        TokenErrorResponse unknown = error(token(new ClientID("nobody"), password, null));
        assertEquals("invalid_client", unknown.getErrorObject().getCode());
        assertEquals(401, unknown.getErrorObject().getHTTPStatusCode());
        assertEquals("unauthorized_client", error(token(new ClientID("rotate-only"), password, null)).getErrorObject().getCode());
        assertEquals("invalid_scope", error(token(CLI, password, new Scope("email"))).getErrorObject().getCode());
        assertEquals("invalid_scope", error(token(WEB, password, new Scope("admin"))).getErrorObject().getCode());

        Response noClient = send("POST", "/oauth/token", "grant_type=password&username=" + email + "&password=x",
                "application/x-www-form-urlencoded");
        assertEquals(401, noClient.status());
        assertEquals("invalid_client", noClient.string("error"));
        Response clientCredentials = send("POST", "/oauth/token", "grant_type=client_credentials&client_id=gatehouse-web",
                "application/x-www-form-urlencoded");
        assertEquals(400, clientCredentials.status());
        assertEquals("unsupported_grant_type", clientCredentials.string("error"));
        Response withSecret = send("POST", "/oauth/token", "grant_type=refresh_token&refresh_token=x", "application/x-www-form-urlencoded",
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("gatehouse-web:guess".getBytes()));
        assertEquals(401, withSecret.status());
        assertEquals("invalid_client", withSecret.string("error"));
    }

    @Test
    void malformedRequestsAreInvalidRequestsInOAuthWordsNeverProblemJson() {
        Response json = post("/oauth/token", "{\"grant_type\":\"password\"}");
        assertEquals(400, json.status(), json.body());
        assertEquals("invalid_request", json.string("error"));
        assertTrue(json.contentType().startsWith("application/json"));
        Response twice = send("POST", "/oauth/token", "grant_type=password&grant_type=refresh_token&client_id=gatehouse-web",
                "application/x-www-form-urlencoded");
        assertEquals("invalid_request", twice.string("error"));
        Response missing = send("POST", "/oauth/token", "grant_type=refresh_token&client_id=gatehouse-web",
                "application/x-www-form-urlencoded");
        assertEquals(400, missing.status());
        assertEquals("invalid_request", missing.string("error"));
        assertTrue(missing.string("error_description").contains("refresh_token"));
        Response badEncoding = send("POST", "/oauth/token", "grant_type=password&username=%zz&client_id=gatehouse-web",
                "application/x-www-form-urlencoded");
        assertEquals("invalid_request", badEncoding.string("error"));
        assertEquals("no-store", badEncoding.headers().firstValue("cache-control").orElse(""));
    }

    @Test
    void bruteForceIsThrottledWithRetryAfter() {
        String email = registered();
        Response last = null;
        for (int i = 0; i < 6; i++) {
            last = send("POST", "/oauth/token", "grant_type=password&client_id=gatehouse-web&username=" + email
                    + "&password=wrong-password-" + i, "application/x-www-form-urlencoded");
        }
        assertEquals(429, last.status(), last.body());
        assertEquals("slow_down", last.string("error"));
        assertTrue(Long.parseLong(last.headers().firstValue("retry-after").orElseThrow()) > 0);
        // Locked for the native login too: one account, one counter.
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 429, "rate_limited");
    }

    TokenIntrospectionSuccessResponse introspect(com.nimbusds.oauth2.sdk.token.Token token) throws Exception {
        HTTPResponse http = send(new TokenIntrospectionRequest(endpoint("/oauth/introspect"),
                new ClientSecretBasic(new ClientID(INTROSPECTION_ID), new Secret(INTROSPECTION_SECRET)), token).toHTTPRequest());
        assertEquals("no-store", http.getHeaderValue("Cache-Control"));
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(http);
        assertTrue(response.indicatesSuccess(), http.getBody());
        return response.toSuccessResponse();
    }

    @Test
    void introspectionSeesLiveTokensAndRevocationAtOnce() throws Exception {
        Tokens tokens = passwordGrant(CLI, registered(), new Scope("profile"));
        TokenIntrospectionSuccessResponse access = introspect(tokens.getAccessToken());
        assertTrue(access.isActive());
        assertEquals(CLI, access.getClientID());
        assertEquals(new Scope("profile"), access.getScope());
        assertEquals(verifyAsResourceServer(tokens.getAccessToken()).getSubject(), access.getSubject().getValue());
        assertTrue(introspect(tokens.getRefreshToken()).isActive());

        // The wrong client cannot revoke it: nothing happens, and the answer says nothing.
        HTTPResponse foreign = send(new TokenRevocationRequest(endpoint("/oauth/revoke"), WEB, tokens.getRefreshToken()).toHTTPRequest());
        assertEquals(200, foreign.getStatusCode());
        assertTrue(introspect(tokens.getAccessToken()).isActive());

        HTTPResponse revoked = send(new TokenRevocationRequest(endpoint("/oauth/revoke"), CLI, tokens.getRefreshToken()).toHTTPRequest());
        assertEquals(200, revoked.getStatusCode());
        assertFalse(introspect(tokens.getAccessToken()).isActive(), "the session's access token dies with it, before exp");
        assertFalse(introspect(tokens.getRefreshToken()).isActive());
        assertEquals("invalid_grant", error(token(CLI, new RefreshTokenGrant(tokens.getRefreshToken()), null)).getErrorObject().getCode());
        // Revoking again, or revoking nonsense, is fine (RFC 7009 §2.2).
        assertEquals(200, send(new TokenRevocationRequest(endpoint("/oauth/revoke"), CLI, tokens.getRefreshToken()).toHTTPRequest()).getStatusCode());
        assertEquals(200, send(new TokenRevocationRequest(endpoint("/oauth/revoke"), CLI, new RefreshToken("nonsense")).toHTTPRequest()).getStatusCode());
    }

    @Test
    void revokingAnAccessTokenEndsItsSession() throws Exception {
        Tokens tokens = passwordGrant(WEB, registered(), null);
        assertEquals(200, send(new TokenRevocationRequest(endpoint("/oauth/revoke"), WEB, tokens.getAccessToken()).toHTTPRequest()).getStatusCode());
        assertFalse(introspect(tokens.getAccessToken()).isActive());
        assertFalse(introspect(tokens.getRefreshToken()).isActive());
    }

    @Test
    void introspectionNeedsTheResourceServersCredentials() {
        Tokens tokens = passwordGrant(WEB, registered(), null);
        HTTPResponse wrong = send(new TokenIntrospectionRequest(endpoint("/oauth/introspect"),
                new ClientSecretBasic(new ClientID(INTROSPECTION_ID), new Secret("introspection-secret-012345678X")),
                tokens.getAccessToken()).toHTTPRequest());
        assertEquals(401, wrong.getStatusCode());
        assertTrue(wrong.getBody().contains("invalid_client"), wrong.getBody());
        HTTPResponse none = send(new TokenIntrospectionRequest(endpoint("/oauth/introspect"), tokens.getAccessToken()).toHTTPRequest());
        assertEquals(401, none.getStatusCode());
        assertTrue(none.getHeaderValue("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void userInfoAnswersTheClaimsOfTheGrantedScopes() throws Exception {
        String email = registered();
        Tokens emailOnly = passwordGrant(WEB, email, new Scope("email"));
        UserInfoResponse response = UserInfoResponse.parse(send(new UserInfoRequest(endpoint("/oauth/userinfo"),
                (BearerAccessToken) emailOnly.getAccessToken()).toHTTPRequest()));
        assertTrue(response.indicatesSuccess());
        UserInfoSuccessResponse info = response.toSuccessResponse();
        assertEquals(email, info.getUserInfo().getEmailAddress());
        assertEquals(verifyAsResourceServer(emailOnly.getAccessToken()).getSubject(), info.getUserInfo().getSubject().getValue());
        assertNull(info.getUserInfo().getClaim("updated_at"), "no profile scope, no profile claims");

        Tokens profileOnly = passwordGrant(WEB, email, new Scope("profile"));
        UserInfoSuccessResponse profile = UserInfoResponse.parse(send(new UserInfoRequest(endpoint("/oauth/userinfo"),
                (BearerAccessToken) profileOnly.getAccessToken()).toHTTPRequest())).toSuccessResponse();
        assertNull(profile.getUserInfo().getEmailAddress());
        assertTrue(profile.getUserInfo().getClaim("updated_at") instanceof Number);
    }
}
