package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import dev.gatehouse.application.port.in.SocialSignInResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.adapter.in.rest.BearerAuthentication;
import dev.gatehouse.adapter.in.rest.ClientInfos;
import dev.gatehouse.adapter.in.rest.compat.LenientBody;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthDtos.Login;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.ConnectIdentityUseCase;
import dev.gatehouse.application.port.in.ConnectIdentityUseCase.ConnectIdentityCommand;
import dev.gatehouse.application.port.in.DisconnectIdentityUseCase;
import dev.gatehouse.application.port.in.ListIdentitiesUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.ProviderCredential;
import dev.gatehouse.application.port.in.SignInWithProviderUseCase;
import dev.gatehouse.application.port.in.SignInWithProviderUseCase.SignInWithProviderCommand;
import dev.gatehouse.domain.identity.ExternalIdentity;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

/**
 * dj-rest-auth's social views (SocialLoginView, SocialConnectView, SocialAccountListView,
 * SocialAccountDisconnectView), one per configured provider id, on the same use cases as the native API.
 * On with the rest of the dialect (AUTH_COMPAT_DJ_REST_AUTH_ENABLED).
 */
@Tag(name = "dj-rest-auth")
@Controller("/dj-rest-auth")
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
@Requires(property = DjRestAuthController.ENABLED, value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public record DjRestAuthSocialController(SignInWithProviderUseCase signIn, ConnectIdentityUseCase connect,
                                         ListIdentitiesUseCase list, DisconnectIdentityUseCase disconnect,
                                         BearerAuthentication bearer, ClientInfos clientInfos) implements DrfErrorAnswers {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "DjRestAuthSocialAccount", description = "dj-rest-auth's SocialAccountSerializer. `id` is a UUID, not an integer; "
            + "`uid` is the provider's id for the person.")
    public record SocialAccount(@Nullable String id, String provider, String uid,
                                @JsonProperty("last_login") @Nullable String lastLogin,
                                @JsonProperty("date_joined") String dateJoined) {
        static SocialAccount from(ExternalIdentity identity, boolean deleted) {
            // Django clears the primary key of a deleted row: the disconnect view answers with "id": null.
            return new SocialAccount(deleted ? null : identity.id().toString(), identity.provider(), identity.subject(),
                    identity.lastLogin() == null ? null : time(identity.lastLogin()),
                    time(identity.createdAt()));
        }
    }

    @Schema(name = "DjRestAuthSocialLoginRequest", description = "SocialLoginSerializer: `id_token` (checked against the "
            + "provider's keys, preferred when given), else `code` (exchanged at the provider with our client credentials and "
            + "callback URL). A bare `access_token` is refused: it proves nothing about the app it was issued to.")
    record SocialLoginRequest(@Nullable String access_token, @Nullable String code, @Nullable String id_token) {
    }

    @Post("/{provider}/")
    @Operation(operationId = "djRestAuthSocialLogin", summary = "Social login (dj-rest-auth SocialLoginView)")
    @RequestBody(content = @Content(schema = @Schema(implementation = SocialLoginRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Login.class)))
    @ApiResponse(responseCode = "400", description = "{\"non_field_errors\": [\"Incorrect input. access_token or code is required.\"]}, "
            + "[\"Incorrect value\"] (the provider refused it) or [\"User is already registered with this e-mail address.\"]")
    @ApiResponse(responseCode = "404", description = "No provider of that id")
    public Object login(@PathVariable String provider, @Body @Nullable Object body, HttpRequest<?> request) {
        ownView(provider, request);
        ProviderCredential credential = credential(LenientBody.of(body, request), false);
        return switch (signIn.signIn(new SignInWithProviderCommand(provider, credential, clientInfos.of(request)))) {
            case SocialSignInResult.SignedIn in -> Login.from(in.authenticated());
            // As its login/ answers with MFA on: finish at mfa/verify/.
            case SocialSignInResult.MfaRequired pending -> new DjRestAuthMfaDtos.MfaRequired(pending.pending().mfaToken(), true);
        };
    }

    @Post("/{provider}/connect/")
    @Operation(operationId = "djRestAuthSocialConnect", summary = "Connect a social account (dj-rest-auth SocialConnectView)",
            security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = SocialLoginRequest.class)))
    @ApiResponse(responseCode = "200", description = "The connected social account (dj-rest-auth answers a new token pair here; "
            + "the caller's tokens stay valid, so none is issued)", content = @Content(schema = @Schema(implementation = SocialAccount.class)))
    @ApiResponse(responseCode = "400", description = "{\"non_field_errors\": [\"The third-party account is already connected to a "
            + "different account.\"]} and SocialLoginView's errors")
    public SocialAccount connect(@PathVariable String provider, @Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        ProviderCredential credential = credential(LenientBody.of(body, request), true);
        ExternalIdentity linked = connect.connect(new ConnectIdentityCommand(caller, provider, credential, clientInfos.of(request)));
        return SocialAccount.from(linked, false);
    }

    @Get("/socialaccounts/")
    @Operation(operationId = "djRestAuthSocialAccounts", summary = "The caller's social accounts (SocialAccountListView)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = SocialAccount.class))))
    public List<SocialAccount> accounts(HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        return list.list(caller).stream().map(i -> SocialAccount.from(i, false)).toList();
    }

    @Post("/socialaccounts/{pk}/disconnect/")
    @Operation(operationId = "djRestAuthSocialDisconnect", summary = "Disconnect a social account (SocialAccountDisconnectView)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "The account as it was, with \"id\": null",
            content = @Content(schema = @Schema(implementation = SocialAccount.class)))
    @ApiResponse(responseCode = "400", description = "{\"non_field_errors\": [\"Your account has no password set up.\"]}: it is the "
            + "only way left to sign in")
    @ApiResponse(responseCode = "404", description = "{\"detail\": \"Not found.\"}")
    public SocialAccount disconnect(@PathVariable String pk, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        UUID id;
        try {
            id = UUID.fromString(pk);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Social account");
        }
        return SocialAccount.from(disconnect.disconnect(caller, id), true);
    }

    /**
     * SocialLoginSerializer's fields: all optional and blank allowed. An id_token wins over an access token (its
     * audience is checked; an access token's is not), and {@code code} comes last, as there.
     */
    private static ProviderCredential credential(LenientBody b, boolean connecting) {
        FieldErrors errors = new FieldErrors();
        String accessToken = b.optional(errors, "access_token");
        String code = b.optional(errors, "code");
        String idToken = b.optional(errors, "id_token");
        for (String field : List.of("access_token", "code", "id_token")) {
            if (b.isNull(field)) {
                errors.add(field, LenientBody.NULL);
            }
        }
        errors.throwIfAny();
        for (String value : new String[] {accessToken, code, idToken}) {
            if (value != null && value.length() > ProviderCredential.MAX_LENGTH) {
                throw new DrfError(DrfErrors.nonField(DjRestAuthSocialErrors.INCORRECT_VALUE));
            }
        }
        if (idToken != null && !idToken.isBlank()) {
            return new ProviderCredential.IdToken(idToken.strip(), null);
        }
        if (code != null && !code.isBlank()) {
            return new ProviderCredential.AuthorizationCode(code.strip());
        }
        if (accessToken != null && !accessToken.isBlank()) {
            // Refused on purpose: a provider's access token proves nothing about which app it was issued to, so one
            // from any app the person ever authorised (an attacker's among them) would sign in as them here.
            throw new DrfError(DrfErrors.nonField(ACCESS_TOKEN_REFUSED));
        }
        throw new DrfError(DrfErrors.nonField(DjRestAuthSocialErrors.INCORRECT_INPUT));
    }

    static final String ACCESS_TOKEN_REFUSED = "An access_token alone is not accepted: send the provider's id_token, or a code.";

    private static String time(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /**
     * A request that reached {@code /{provider}/} with a method no social view takes, or naming one of the
     * dialect's own one-segment views (login, user, …) with a method that view lacks: the dialect's 405 (after
     * authentication on views that need a user, as DRF does), and for any other name Django's 404.
     */
    private void ownView(String provider, HttpRequest<?> request) {
        String method = request.getMethodName();
        DrfViewMetadata.View view = DrfViewMetadata.viewOf("/dj-rest-auth/" + provider);
        String socialAccounts = "socialaccounts".equals(provider) ? "GET, HEAD, OPTIONS" : null;
        if (view == null && socialAccounts == null) {
            if (!"POST".equals(method)) {
                throw new DrfError(DrfErrors.detail(HttpStatus.NOT_FOUND, DrfErrors.NOT_FOUND));
            }
            return;
        }
        if (socialAccounts != null || view.authenticated()) {
            bearer.require(request);
        }
        var refusal = DrfErrors.detail(HttpStatus.METHOD_NOT_ALLOWED, "Method \"" + method + "\" not allowed.");
        if (socialAccounts != null) {
            refusal.header(HttpHeaders.ALLOW, socialAccounts); // the metadata filter adds it for the others
        }
        throw new DrfError(refusal);
    }

    /** No social view answers GET, PUT, PATCH or DELETE: Django's 404, or a dialect view's 405. */
    @Hidden
    @Get("/{provider}/")
    public HttpResponse<?> get(@PathVariable String provider, HttpRequest<?> request) {
        ownView(provider, request);
        throw new DrfError(DrfErrors.detail(HttpStatus.NOT_FOUND, DrfErrors.NOT_FOUND));
    }

    @Hidden
    @io.micronaut.http.annotation.Put("/{provider}/")
    public HttpResponse<?> put(@PathVariable String provider, HttpRequest<?> request) {
        return get(provider, request);
    }

    @Hidden
    @io.micronaut.http.annotation.Patch("/{provider}/")
    public HttpResponse<?> patch(@PathVariable String provider, HttpRequest<?> request) {
        return get(provider, request);
    }

    @Hidden
    @io.micronaut.http.annotation.Delete("/{provider}/")
    public HttpResponse<?> delete(@PathVariable String provider, HttpRequest<?> request) {
        return get(provider, request);
    }

}
