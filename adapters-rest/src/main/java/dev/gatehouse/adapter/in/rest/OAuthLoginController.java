package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.MfaDtos;
import dev.gatehouse.application.port.in.SocialSignInResult;
import dev.gatehouse.adapter.in.rest.dto.SocialDtos;
import dev.gatehouse.adapter.in.rest.dto.TokenPairResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.port.in.BeginSocialLoginUseCase;
import dev.gatehouse.application.port.in.BeginSocialLoginUseCase.BeginSocialLoginCommand;
import dev.gatehouse.application.port.in.CompleteSocialLoginUseCase;
import dev.gatehouse.application.port.in.CompleteSocialLoginUseCase.CompleteSocialLoginCommand;
import dev.gatehouse.application.port.in.ProviderCredential;
import dev.gatehouse.application.port.in.RedeemSocialLoginCodeUseCase;
import dev.gatehouse.application.port.in.SignInWithProviderUseCase;
import dev.gatehouse.application.port.in.SignInWithProviderUseCase.SignInWithProviderCommand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/**
 * Social login, the native API: the browser flow (authorize, callback, token) and the native apps' id_token
 * sign-in. Every rule is the use cases'; this maps parameters and answers.
 */
@Tag(name = "social", description = "Sign-in with OpenID Connect and OAuth 2.0 providers, and linked identities")
@Controller("/api/auth/oauth")
@ExecuteOn(TaskExecutors.BLOCKING)
public record OAuthLoginController(BeginSocialLoginUseCase begin, CompleteSocialLoginUseCase complete,
                                   RedeemSocialLoginCodeUseCase redeem, SignInWithProviderUseCase signIn,
                                   ClientInfos clientInfos) {
    private static final String PROBLEM = "application/problem+json";

    @Get("/{provider}/authorize")
    @Operation(summary = "Start a browser sign-in at a provider",
            description = "302 to the provider's authorization endpoint, with PKCE S256, `state` and `nonce` kept here "
                    + "(10 minutes, single use). `redirect_to` must be one of AUTH_OAUTH_REDIRECT_ALLOWLIST exactly; the flow "
                    + "ends there with `?code=` (redeem it at POST /api/auth/oauth/token, or with `intent=connect` at "
                    + "POST /api/auth/identities/{provider}/connect) or `?error=`.")
    @ApiResponse(responseCode = "302", description = "To the provider")
    @ApiResponse(responseCode = "400", description = "redirect_not_allowed", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "unknown_provider", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "provider_unavailable (its discovery document could not be read)",
            content = @Content(mediaType = PROBLEM))
    public MutableHttpResponse<?> authorize(@PathVariable String provider,
                                            @Parameter(description = "Where the flow ends") @QueryValue("redirect_to") @Nullable String redirectTo,
                                            @Parameter(description = "`login` (default) or `connect`") @QueryValue @Nullable String intent,
                                            @Parameter(description = "Optional: the frontend's own PKCE S256 challenge; the code "
                                                    + "is then redeemed only with its `code_verifier`")
                                            @QueryValue("code_challenge") @Nullable String codeChallenge,
                                            @QueryValue("code_challenge_method") @Nullable String codeChallengeMethod,
                                            HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        if (intent != null && !intent.equals("login") && !intent.equals("connect")) {
            errors.add("intent", "Must be login or connect.");
        }
        if (codeChallenge != null && !codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
            errors.add("code_challenge", "Must be an S256 challenge: 43 base64url characters.");
        }
        if (codeChallenge != null && codeChallengeMethod != null && !"S256".equals(codeChallengeMethod)) {
            errors.add("code_challenge_method", "Only S256 is supported.");
        }
        errors.throwIfAny();
        String to = begin.begin(new BeginSocialLoginCommand(provider, redirectTo, "connect".equals(intent), codeChallenge,
                clientInfos.of(request)));
        return redirect(to);
    }

    @Get("/{provider}/callback")
    @Operation(summary = "The provider's redirect back",
            description = "Spends the flow's state and redeems the provider's code, then 302 to `redirect_to` with a one-time "
                    + "`code` (60 s), or with `error` (e.g. `access_denied`, `account_exists`, `provider_unavailable`). "
                    + "Never a token in a URL.")
    @ApiResponse(responseCode = "302", description = "To redirect_to")
    @ApiResponse(responseCode = "400", description = "oauth_state_invalid: unknown, spent or expired state (no redirect_to to report to)",
            content = @Content(mediaType = PROBLEM))
    public MutableHttpResponse<?> callback(@PathVariable String provider, @QueryValue @Nullable String code,
                                           @QueryValue @Nullable String state, @QueryValue @Nullable String error,
                                           HttpRequest<?> request) {
        return redirect(complete.complete(new CompleteSocialLoginCommand(provider, state, code, error, clientInfos.of(request))));
    }

    /** Apple posts the answer as a form when name or email are asked for (response_mode=form_post). */
    @Post(value = "/{provider}/callback", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The provider's redirect back, as a form post (Apple)")
    @ApiResponse(responseCode = "302", description = "To redirect_to")
    public MutableHttpResponse<?> callbackPost(@PathVariable String provider, @Body Map<String, Object> form, HttpRequest<?> request) {
        return redirect(complete.complete(new CompleteSocialLoginCommand(provider, text(form.get("state")), text(form.get("code")),
                text(form.get("error")), clientInfos.of(request))));
    }

    @Post("/token")
    @Operation(summary = "Redeem the browser flow's code", description = "Once, within 60 s. The answer is login's.")
    @ApiResponse(responseCode = "200", description = "The token pair and the user; with an authenticator app on, login's pending MFA answer (finish at /api/auth/mfa/verify)", content = @Content(schema = @Schema(oneOf = {TokenPairResponse.class, MfaDtos.MfaRequired.class})))
    @ApiResponse(responseCode = "401", description = "token_not_valid: unknown, spent or expired code", content = @Content(mediaType = PROBLEM))
    public Object token(@Body SocialDtos.CodeRequest body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String code = Fields.required(errors, "code", body.code());
        if (body.codeVerifier() != null && !body.codeVerifier().matches("[A-Za-z0-9._~-]{43,128}")) {
            errors.add("code_verifier", "Must be 43 to 128 characters of A-Z, a-z, 0-9 and -._~ (RFC 7636).");
        }
        errors.throwIfAny();
        return answer(redeem.redeem(code, body.codeVerifier(), clientInfos.of(request)));
    }

    @Post("/{provider}/id-token")
    @Operation(summary = "Sign in with a provider's id_token (native apps)",
            description = "The id_token's signature is checked against the provider's published keys, and its iss, aud (our "
                    + "client id), exp and, when given, nonce. An unknown identity is linked by the linking rules "
                    + "(docs/http-api.md); the answer is login's, with amr [\"fed\"].")
    @ApiResponse(responseCode = "200", description = "The token pair and the user; with an authenticator app on, login's pending MFA answer (finish at /api/auth/mfa/verify)", content = @Content(schema = @Schema(oneOf = {TokenPairResponse.class, MfaDtos.MfaRequired.class})))
    @ApiResponse(responseCode = "401", description = "provider_token_invalid", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "account_exists: sign in to that account and connect", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "502", description = "provider_error", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "provider_unavailable", content = @Content(mediaType = PROBLEM))
    public Object idToken(@PathVariable String provider, @Body SocialDtos.IdTokenRequest body, HttpRequest<?> request) {
        ProviderCredential credential = SocialCredentials.idToken(body.idToken(), body.nonce());
        return answer(signIn.signIn(new SignInWithProviderCommand(provider, credential, clientInfos.of(request))));
    }

    /** Login's answer: the token pair and the user, or, with an authenticator app on, login's pending MFA answer. */
    private static Object answer(SocialSignInResult result) {
        return switch (result) {
            case SocialSignInResult.SignedIn in -> TokenPairResponse.withUser(in.authenticated());
            case SocialSignInResult.MfaRequired pending -> MfaDtos.MfaRequired.from(pending.pending());
        };
    }

    private static MutableHttpResponse<?> redirect(String to) {
        return HttpResponse.status(io.micronaut.http.HttpStatus.FOUND).header(HttpHeaders.LOCATION, to);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
