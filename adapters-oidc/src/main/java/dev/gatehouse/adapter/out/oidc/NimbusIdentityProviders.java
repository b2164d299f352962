package dev.gatehouse.adapter.out.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gatehouse.application.port.out.IdentityProviderException;
import dev.gatehouse.application.port.out.IdentityProviderException.Kind;
import dev.gatehouse.application.port.out.IdentityProviders;
import dev.gatehouse.application.port.out.ProviderIdentity;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * OpenID Connect and OAuth 2.0 providers with the Nimbus OAuth 2.0 SDK. An OpenID provider's discovery
 * document is read at first use and kept (a failed read is retried at the next use, never cached); its keys
 * are cached by Nimbus and read again when a token names a key id we do not know (key rotation).
 */
public final class NimbusIdentityProviders implements IdentityProviders {
    /** Signature algorithms accepted on id_tokens: asymmetric only (no "none", no HMAC with the client secret). */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    /**
     * Microsoft's multi-tenant issuer names the tenant {@code {tenantid}}, which is no legal URI: it is read (from
     * the discovery document too) and configured percent-encoded, and the id_token's {@code tid} fills it in.
     */
    public static final String TENANT = "%7Btenantid%7D";

    private final Map<String, ProviderSettings> providers = new LinkedHashMap<>();
    private final ProviderHttp http;
    private final DefaultResourceRetriever keyRetriever;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    /** What discovery told us about an OpenID provider, with its key source. */
    private record Discovered(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {
    }

    public NimbusIdentityProviders(List<ProviderSettings> settings, Duration timeout) {
        for (ProviderSettings p : settings) {
            providers.put(p.id(), p);
        }
        this.http = new ProviderHttp(timeout);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.keyRetriever = new DefaultResourceRetriever(millis, millis, ProviderHttp.MAX_BODY);
    }

    @Override
    public List<String> ids() {
        return List.copyOf(providers.keySet());
    }

    @Override
    public String authorizationUrl(String provider, String state, String nonce, String codeChallenge) {
        return guarded(provider, () -> authorizationUrlOf(provider, state, nonce, codeChallenge));
    }

    private String authorizationUrlOf(String provider, String state, String nonce, String codeChallenge) {
        ProviderSettings p = settings(provider);
        URI endpoint = p.kind() == ProviderSettings.Kind.OIDC ? discover(p).metadata().getAuthorizationEndpointURI()
                : p.authorizationUrl();
        if (endpoint == null) {
            throw new IdentityProviderException(Kind.ERROR, provider + ": no authorization endpoint");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", p.clientId());
        query.put("redirect_uri", p.callbackUrl().toString());
        query.put("scope", String.join(" ", p.scopes()));
        query.put("state", state);
        if (p.kind() == ProviderSettings.Kind.OIDC) {
            query.put("nonce", nonce);
        }
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        if (p.formPostResponse()) {
            // Apple sends name and email only to a form post.
            query.put("response_mode", "form_post");
        }
        StringBuilder url = new StringBuilder(endpoint.toString());
        char separator = endpoint.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> e : query.entrySet()) {
            url.append(separator).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    @Override
    public ProviderIdentity redeemCode(String provider, String code, String codeVerifier, String expectedNonce) {
        return guarded(provider, () -> redeem(provider, code, codeVerifier, expectedNonce));
    }

    private ProviderIdentity redeem(String provider, String code, String codeVerifier, String expectedNonce) {
        ProviderSettings p = settings(provider);
        boolean oidc = p.kind() == ProviderSettings.Kind.OIDC;
        URI tokenEndpoint = oidc ? discover(p).metadata().getTokenEndpointURI() : p.tokenUrl();
        if (tokenEndpoint == null) {
            throw new IdentityProviderException(Kind.ERROR, provider + ": no token endpoint");
        }
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), p.callbackUrl(),
                codeVerifier == null ? null : new CodeVerifier(codeVerifier));
        HTTPRequest request = new TokenRequest(tokenEndpoint, clientAuthentication(p), grant).toHTTPRequest();
        request.setAccept("application/json"); // GitHub answers form-encoded otherwise
        HTTPResponse response = http.send(request, provider + " token endpoint");
        TokenResponse parsed;
        try {
            JSONObject json = response.getBodyAsJSONObject();
            if (response.getStatusCode() == 200 && json.containsKey("error")) {
                // GitHub reports a bad code with 200 and an error member.
                throw new IdentityProviderException(Kind.REJECTED, provider + " token endpoint: " + errorCode(json));
            }
            parsed = oidc ? OIDCTokenResponseParser.parse(response) : TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new IdentityProviderException(Kind.ERROR, provider + " token endpoint: unreadable answer (HTTP "
                    + response.getStatusCode() + ")");
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            boolean rejected = OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode());
            throw new IdentityProviderException(rejected ? Kind.REJECTED : Kind.ERROR,
                    provider + " token endpoint: " + safe(error.getCode()));
        }
        AccessToken accessToken = parsed.toSuccessResponse().getTokens().getAccessToken();
        if (!oidc) {
            return userInfo(p, accessToken.getValue());
        }
        JWT idToken = ((OIDCTokenResponse) parsed.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new IdentityProviderException(Kind.ERROR, provider + " token endpoint: no id_token");
        }
        return verify(p, idToken, expectedNonce, false);
    }

    @Override
    public ProviderIdentity verifyIdToken(String provider, String idToken, String expectedNonce) {
        return guarded(provider, () -> verifyIdTokenOf(provider, idToken, expectedNonce));
    }

    private ProviderIdentity verifyIdTokenOf(String provider, String idToken, String expectedNonce) {
        ProviderSettings p = settings(provider);
        if (p.kind() != ProviderSettings.Kind.OIDC) {
            throw new IdentityProviderException(Kind.REJECTED, provider + " issues no id_token");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (java.text.ParseException e) {
            throw new IdentityProviderException(Kind.REJECTED, provider + ": id_token is not a JWT");
        }
        return verify(p, jwt, expectedNonce, true);
    }

    /**
     * The port promises {@link IdentityProviderException} and nothing else: whatever else a provider's answer
     * makes the SDK throw (a member of the wrong type, a malformed URL in a discovery document) is the provider's
     * error, not ours, and must never become a 500.
     */
    private static <T> T guarded(String provider, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IdentityProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IdentityProviderException(Kind.ERROR, provider + ": unusable answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    // --- OpenID Connect ------------------------------------------------------------------------------------

    private Discovered discover(ProviderSettings p) {
        Discovered known = discovered.get(p.id());
        if (known != null) {
            return known;
        }
        URI where = p.discoveryUrl() != null ? p.discoveryUrl()
                : URI.create(p.issuer().toString().replaceAll("/$", "") + "/.well-known/openid-configuration");
        HTTPResponse response = http.get(where, null, p.id() + " discovery");
        if (response.getStatusCode() != 200) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + " discovery: HTTP " + response.getStatusCode());
        }
        OIDCProviderMetadata metadata;
        try {
            String body = response.getBody() == null ? "" : response.getBody().replace("{tenantid}", TENANT);
            response.setBody(body);
            metadata = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
        } catch (ParseException e) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + " discovery: not a provider document");
        }
        // OpenID Connect Discovery §4.3: the document must be the issuer's own.
        if (!metadata.getIssuer().getValue().equals(p.issuer().toString())) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + " discovery: issuer " + metadata.getIssuer() + " is not "
                    + p.issuer());
        }
        if (metadata.getJWKSetURI() == null) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + " discovery: no jwks_uri");
        }
        JWKSource<SecurityContext> keys;
        try {
            // Cached; an unknown kid makes Nimbus read the set again (rate-limited), so key rotation just works.
            keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(), keyRetriever).build();
        } catch (MalformedURLException e) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + " discovery: bad jwks_uri");
        }
        Discovered fresh = new Discovered(metadata, keys);
        Discovered raced = discovered.putIfAbsent(p.id(), fresh);
        return raced == null ? fresh : raced;
    }

    private ProviderIdentity verify(ProviderSettings p, JWT idToken, String expectedNonce, boolean hashedNonceAllowed) {
        Discovered d = discover(p);
        String issuer = p.issuer().toString();
        if (issuer.contains(TENANT)) {
            issuer = issuer.replace(TENANT, tenantOf(p, idToken));
        }
        IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer), new ClientID(p.clientId()),
                new JWSVerificationKeySelector<>(ALGORITHMS, d.keys()), null);
        Map<String, Object> claims;
        try {
            // Signature, iss, aud, exp, iat (60 s of skew); the nonce is ours to compare below.
            claims = validator.validate(idToken, null).toJSONObject();
        } catch (BadJOSEException e) {
            throw new IdentityProviderException(Kind.REJECTED, p.id() + ": id_token refused: " + e.getMessage());
        } catch (KeySourceException e) {
            throw new IdentityProviderException(Kind.UNAVAILABLE, p.id() + ": keys unavailable");
        } catch (JOSEException e) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + ": id_token unusable");
        }
        if (expectedNonce != null) {
            Object nonce = claims.get("nonce");
            boolean matches = nonce instanceof String n && (equal(n, expectedNonce)
                    // Apple's native sign-in puts the SHA-256 of the app's nonce in the token.
                    || (hashedNonceAllowed && equal(n, sha256Hex(expectedNonce))));
            if (!matches) {
                throw new IdentityProviderException(Kind.REJECTED, p.id() + ": id_token nonce does not match");
            }
        }
        Object sub = claims.get("sub");
        if (!(sub instanceof String subject)) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + ": id_token has no subject");
        }
        String email = claims.get("email") instanceof String e ? e : null;
        return new ProviderIdentity(subject, email, emailVerified(claims), string(claims, "given_name"),
                string(claims, "family_name"));
    }

    private static String tenantOf(ProviderSettings p, JWT idToken) {
        try {
            Object tid = idToken.getJWTClaimsSet().getClaim("tid");
            if (tid instanceof String t && t.matches("[0-9a-fA-F-]{1,64}")) {
                return t;
            }
        } catch (java.text.ParseException ignored) {
            // falls through to the refusal
        }
        throw new IdentityProviderException(Kind.REJECTED, p.id() + ": id_token names no tenant");
    }

    /** OpenID's boolean; Apple sends the string "true". Microsoft's xms_edov: the domain owner verified it. */
    private static boolean emailVerified(Map<String, Object> claims) {
        Object v = claims.get("email_verified");
        if (v == null) {
            v = claims.get("xms_edov");
        }
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    // --- OAuth 2.0 user info ------------------------------------------------------------------------------

    private ProviderIdentity userInfo(ProviderSettings p, String accessToken) {
        URI endpoint = p.kind() == ProviderSettings.Kind.OIDC ? discover(p).metadata().getUserInfoEndpointURI() : p.userinfoUrl();
        if (endpoint == null) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + ": no user-info endpoint");
        }
        JSONObject user = json(http.get(endpoint, accessToken, p.id() + " user info"), p.id() + " user info");
        Object id = p.kind() == ProviderSettings.Kind.OIDC ? user.get("sub") : user.getOrDefault("sub", user.get("id"));
        String subject = id instanceof String s ? s : id instanceof Number n ? n.toString() : null;
        if (subject == null) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + " user info: no id");
        }
        String name = string(user, "name");
        String given = string(user, "given_name");
        String family = string(user, "family_name");
        if (given == null && family == null && name != null) {
            int space = name.lastIndexOf(' ');
            given = space < 0 ? name : name.substring(0, space);
            family = space < 0 ? null : name.substring(space + 1);
        }
        if (p.kind() == ProviderSettings.Kind.GITHUB || p.emailsUrl() != null) {
            // GitHub's /user shows only a public address, unverified; the verified primary is in /user/emails.
            String primary = verifiedPrimary(p, accessToken);
            return new ProviderIdentity(subject, primary, primary != null, given, family);
        }
        return new ProviderIdentity(subject, string(user, "email"), emailVerified(user), given, family);
    }

    private String verifiedPrimary(ProviderSettings p, String accessToken) {
        URI emails = p.emailsUrl();
        HTTPResponse response = http.get(emails, accessToken, p.id() + " emails");
        if (response.getStatusCode() == 401 || response.getStatusCode() == 403) {
            throw new IdentityProviderException(Kind.REJECTED, p.id() + " emails: HTTP " + response.getStatusCode());
        }
        if (response.getStatusCode() != 200) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + " emails: HTTP " + response.getStatusCode());
        }
        JSONArray list;
        try {
            list = response.getBodyAsJSONArray();
        } catch (ParseException e) {
            throw new IdentityProviderException(Kind.ERROR, p.id() + " emails: not a JSON array");
        }
        for (Object entry : list) {
            if (entry instanceof JSONObject e && Boolean.TRUE.equals(e.get("primary")) && Boolean.TRUE.equals(e.get("verified"))
                    && e.get("email") instanceof String address) {
                return address;
            }
        }
        return null;
    }

    private static JSONObject json(HTTPResponse response, String what) {
        if (response.getStatusCode() == 401 || response.getStatusCode() == 403) {
            throw new IdentityProviderException(Kind.REJECTED, what + ": HTTP " + response.getStatusCode());
        }
        if (response.getStatusCode() != 200) {
            throw new IdentityProviderException(Kind.ERROR, what + ": HTTP " + response.getStatusCode());
        }
        try {
            return response.getBodyAsJSONObject();
        } catch (ParseException e) {
            throw new IdentityProviderException(Kind.ERROR, what + ": not a JSON object");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private ProviderSettings settings(String provider) {
        ProviderSettings p = providers.get(provider);
        if (p == null) {
            throw new IdentityProviderException(Kind.REJECTED, "unknown provider");
        }
        return p;
    }

    private ClientAuthentication clientAuthentication(ProviderSettings p) {
        ClientID id = new ClientID(p.clientId());
        if (p.appleClientSecret() != null) {
            return new ClientSecretPost(id, new Secret(p.appleClientSecret().secretFor(p.clientId())));
        }
        Secret secret = new Secret(p.clientSecret() == null ? "" : p.clientSecret());
        if (p.kind() != ProviderSettings.Kind.OIDC) {
            return new ClientSecretPost(id, secret); // what GitHub-like providers document
        }
        List<ClientAuthenticationMethod> supported = discover(p).metadata().getTokenEndpointAuthMethods();
        boolean basic = supported == null || supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        return basic ? new ClientSecretBasic(id, secret) : new ClientSecretPost(id, secret);
    }

    private static String errorCode(JSONObject json) {
        try {
            return safe(JSONObjectUtils.getString(json, "error"));
        } catch (ParseException e) {
            return "error";
        }
    }

    /** Provider-chosen text goes to our log only as a short token of safe characters. */
    private static String safe(String code) {
        if (code == null) {
            return "error";
        }
        String cleaned = code.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private static String string(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s && !s.isBlank() ? s : null;
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
