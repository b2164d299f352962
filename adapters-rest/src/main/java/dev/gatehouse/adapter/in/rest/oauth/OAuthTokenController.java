package dev.gatehouse.adapter.in.rest.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.adapter.in.rest.ClientInfos;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.TokenReusedException;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.LogInUseCase;
import dev.gatehouse.application.port.in.LogInUseCase.LogInCommand;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.RefreshSessionUseCase;
import dev.gatehouse.application.port.out.PasswordHasherBusyException;
import dev.gatehouse.application.port.out.StorageUnavailableException;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The OAuth 2.0 token endpoint (RFC 6749 §3.2) for public clients: the resource owner password grant and the
 * refresh token grant. Another spelling of login and refresh: the same use cases, so the same rotation, grace
 * window, reuse detection, rate limits, audit and enumeration safety. Only the protocol lives here: reading
 * the form, knowing the client, and answering in RFC 6749's words.
 */
@Tag(name = "oauth", description = "Standard OAuth 2.0 endpoints (RFC 6749 token, RFC 7009 revocation, RFC 7662 introspection) "
        + "for any OAuth client library. Form-encoded requests; errors are RFC 6749 §5.2 JSON, not problem+json.")
@Controller("/oauth")
// Any content type reaches the handler, so that a JSON body is an invalid_request in OAuth's words, not a 415.
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public record OAuthTokenController(LogInUseCase logIn, RefreshSessionUseCase refresh, OAuthClients clients,
                                   ClientInfos clientInfos) {

    /** The token endpoint's answer (RFC 6749 §5.1). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OAuthTokenResponse")
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn,
                                @JsonProperty("refresh_token") String refreshToken,
                                @Nullable String scope) {
        static TokenResponse of(IssuedTokens tokens, Instant now) {
            long expiresIn = Math.max(0, Duration.between(now, tokens.accessExpiresAt()).toSeconds());
            return new TokenResponse(tokens.access(), "Bearer", expiresIn, tokens.refresh(), tokens.scope());
        }
    }

    /** For the OpenAPI document only: the endpoint reads the form itself (RFC 6749 §3.2: each parameter once). */
    @Schema(name = "OAuthTokenRequest")
    public record TokenRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"password", "refresh_token"})
                               @JsonProperty("grant_type") String grantType,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("client_id") String clientId,
                               @Schema(description = "password grant: email address or username") String username,
                               @Schema(description = "password grant") String password,
                               @Schema(description = "refresh_token grant") @JsonProperty("refresh_token") String refreshToken,
                               @Schema(description = "space-separated; a subset of the client's scopes") String scope) {
    }

    @Post(value = "/token", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "oauthToken", summary = "OAuth 2.0 token endpoint (password and refresh_token grants)",
            description = "Public clients from AUTH_OAUTH_CLIENTS identify themselves with `client_id` (or HTTP Basic with an "
                    + "empty secret). The refresh token rotates on every use exactly as at /api/auth/refresh; a spent one "
                    + "presented after the grace window revokes the session (`invalid_grant`). A refresh token works only "
                    + "for the client it was issued to. On refresh the session's scope is kept (a `scope` parameter may "
                    + "repeat it or name part of it; it is not narrowed). Brute force: 429 with Retry-After and "
                    + "`{\"error\": \"slow_down\"}`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = TokenRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "`invalid_request`, `invalid_grant` (wrong credentials, an unusable refresh "
            + "token, a disabled account), `unsupported_grant_type`, `unauthorized_client`, `invalid_scope`")
    @ApiResponse(responseCode = "401", description = "`invalid_client`: no client_id, an unknown one, or a secret")
    @ApiResponse(responseCode = "429", description = "`slow_down`, with Retry-After (seconds)")
    public HttpResponse<TokenResponse> token(@Parameter(hidden = true) @Body @Nullable String body, HttpRequest<?> request) {
        OAuthParameters parameters = OAuthParameters.parse(request.getContentType().map(MediaType::toString).orElse(null), body);
        String grant = parameters.require("grant_type");
        OAuthClients.Client client = clients.identify(parameters, request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (!OAuthClients.GRANTS.contains(grant)) {
            throw new OAuthError(400, "unsupported_grant_type", "Supported grants: password, refresh_token.");
        }
        if (!client.allowsGrant(grant)) {
            throw new OAuthError(400, "unauthorized_client", "This client may not use the " + grant + " grant.");
        }
        Set<String> scopes = parameters.scopes();
        if (scopes != null && !client.allowsScopes(scopes)) {
            throw new OAuthError(400, "invalid_scope", "The scope asks for more than this client may have.");
        }
        AuthenticatedUser authenticated = OAuthClients.PASSWORD.equals(grant)
                ? passwordGrant(parameters, client, scopes, request)
                : refreshGrant(parameters, client, scopes);
        return HttpResponse.ok(TokenResponse.of(authenticated.tokens(), Instant.now()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache");
    }

    private AuthenticatedUser passwordGrant(OAuthParameters parameters, OAuthClients.Client client, Set<String> scopes,
                                            HttpRequest<?> request) {
        String username = parameters.require("username");
        String rawPassword = parameters.require("password");
        PlainPassword password;
        try {
            password = PlainPassword.of(rawPassword);
        } catch (RuntimeException e) {
            // No account has a password this service would refuse to read: the same answer as a wrong one.
            throw OAuthError.invalidGrant(WRONG_CREDENTIALS);
        }
        String scope = scopes == null ? null : String.join(" ", scopes);
        LogInResult result = logIn.logIn(new LogInCommand(username, password, clientInfos.of(request), client.id(), scope));
        return switch (result) {
            case LogInResult.LoggedIn in -> in.authenticated();
            case LogInResult.Throttled throttled -> throw new OAuthError(429, "slow_down",
                    "Too many attempts. Try again later.", Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000));
            case LogInResult.Refused refused -> throw OAuthError.invalidGrant(switch (refused.reason()) {
                case INVALID_CREDENTIALS -> WRONG_CREDENTIALS;
                case ACCOUNT_DISABLED -> "This account is disabled.";
                case EMAIL_NOT_VERIFIED -> "The email address is not verified yet.";
            });
            // The password was right, but the account has a second factor, which RFC 6749's password grant has no
            // step for: refused as Auth0 does (403 mfa_required), without tokens and without the pending login's
            // token, which only the native MFA step can complete.
            case LogInResult.MfaRequired pending -> throw new OAuthError(403, "mfa_required",
                    "This account has a second factor: sign in through /api/auth/login and /api/auth/mfa/verify.");
        };
    }

    private static final String WRONG_CREDENTIALS = "Invalid username or password.";

    private AuthenticatedUser refreshGrant(OAuthParameters parameters, OAuthClients.Client client, Set<String> scopes) {
        String token = parameters.require("refresh_token");
        AuthenticatedUser refreshed;
        try {
            refreshed = refresh.refresh(token, client.id());
        } catch (TokenNotValidException e) {
            throw OAuthError.invalidGrant("The refresh token is invalid, expired or revoked.");
        } catch (TokenReusedException e) {
            throw OAuthError.invalidGrant("The refresh token was used before; the session is revoked.");
        }
        // RFC 6749 §6: never more than the original grant. Checked after the rotation on purpose: a client that
        // asks for more loses nothing but this answer (its next refresh token is the same successor, in the grace window).
        if (scopes != null) {
            String granted = refreshed.tokens().scope();
            Set<String> original = granted == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(granted.split(" ")));
            if (!original.containsAll(scopes)) {
                throw new OAuthError(400, "invalid_scope", "The scope exceeds what was originally granted.");
            }
        }
        return refreshed;
    }

    @Hidden
    @Error(exception = StorageUnavailableException.class)
    public HttpResponse<Map<String, Object>> storageUnavailable(HttpRequest<?> request, StorageUnavailableException e) {
        return OAuthErrorHandler.response(OAuthErrorHandler.storageUnavailable());
    }

    @Hidden
    @Error(exception = PasswordHasherBusyException.class)
    public HttpResponse<Map<String, Object>> hasherBusy(HttpRequest<?> request, PasswordHasherBusyException e) {
        return OAuthErrorHandler.response(new OAuthError(503, "temporarily_unavailable", "The service is busy. Try again shortly.", 1));
    }
}
