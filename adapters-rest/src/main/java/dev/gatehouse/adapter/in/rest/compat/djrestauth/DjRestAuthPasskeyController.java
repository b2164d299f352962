package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.adapter.in.rest.BearerAuthentication;
import dev.gatehouse.adapter.in.rest.ClientInfos;
import dev.gatehouse.adapter.in.rest.PasskeyCredentials;
import dev.gatehouse.adapter.in.rest.compat.LenientBody;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthDtos.Login;
import dev.gatehouse.adapter.in.rest.dto.PasskeyDtos;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.BeginPasskeyLogInUseCase;
import dev.gatehouse.application.port.in.BeginPasskeyLogInUseCase.BeginPasskeyLogInCommand;
import dev.gatehouse.application.port.in.BeginPasskeyRegistrationUseCase;
import dev.gatehouse.application.port.in.DeletePasskeyUseCase;
import dev.gatehouse.application.port.in.ListPasskeysUseCase;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.LogInWithPasskeyUseCase;
import dev.gatehouse.application.port.in.LogInWithPasskeyUseCase.PasskeyLogInCommand;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RegisterPasskeyUseCase;
import dev.gatehouse.application.port.in.RegisterPasskeyUseCase.RegisterPasskeyCommand;
import dev.gatehouse.application.port.in.RenamePasskeyUseCase;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.passkey.PasskeyName;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dj-rest-auth's passkey views ({@code dj_rest_auth.passkeys}, mounted at {@code passkeys/}), over the same use cases
 * as {@code /api/auth/passkeys}. Their shapes: begin answers the WebAuthn options JSON (login/begin adds
 * {@code session_id}); register/complete answers the passkey as {@code PasskeyListSerializer} writes it; login/complete
 * answers as LoginView does. Failures are DRF's: 400 {@code non_field_errors}. Differences: {@code pk} is our UUID, not
 * an integer; {@code session_id} is the challenge itself (base64url), so no server-side session is needed to finish.
 */
@Tag(name = "dj-rest-auth")
@Controller("/dj-rest-auth/passkeys")
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
@Requires(property = DjRestAuthController.ENABLED, value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public record DjRestAuthPasskeyController(BeginPasskeyRegistrationUseCase beginRegistration,
                                          RegisterPasskeyUseCase registerPasskey, BeginPasskeyLogInUseCase beginLogIn,
                                          LogInWithPasskeyUseCase logInWithPasskey, ListPasskeysUseCase listPasskeys,
                                          RenamePasskeyUseCase renamePasskey, DeletePasskeyUseCase deletePasskey,
                                          PasskeyCredentials credentials, BearerAuthentication bearer,
                                          ClientInfos clientInfos) implements DrfErrorAnswers {
    static final String LOGIN_FAILED = "Authentication verification failed.";
    static final String LOGIN_EXPIRED = "Authentication challenge has expired. Please start over.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** PasskeyListSerializer's fields. */
    @Serdeable
    @Schema(name = "DjRestAuthPasskey")
    public record DjPasskey(String id, String name, @JsonProperty("credential_id") String credentialId,
                            @JsonProperty("created_at") String createdAt, @JsonProperty("last_used_at") @Nullable String lastUsedAt,
                            List<String> transports, boolean discoverable) {
        static DjPasskey from(Passkey p) {
            return new DjPasskey(p.id().toString(), p.name().value(), B64.encodeToString(p.credentialId()),
                    p.createdAt().toString(), p.lastUsedAt() == null ? null : p.lastUsedAt().toString(), p.transports(), true);
        }
    }

    @Serdeable
    @Schema(name = "DjRestAuthPasskeyName")
    public record DjPasskeyName(String name) {
    }

    @Post("/register/begin/")
    @Operation(operationId = "djRestAuthPasskeyRegisterBegin", summary = "Start registering a passkey (PasskeyRegisterBeginView)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PasskeyDtos.CreationOptions.class)))
    public PasskeyDtos.CreationOptions registerBegin(@Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        return PasskeyDtos.CreationOptions.from(beginRegistration.beginPasskeyRegistration(caller));
    }

    @Post("/register/complete/")
    @Operation(operationId = "djRestAuthPasskeyRegisterComplete", summary = "Finish registering a passkey (PasskeyRegisterCompleteView)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DjPasskey.class)))
    @ApiResponse(responseCode = "400", description = "Body: {\"non_field_errors\": [\"…\"]}")
    public HttpResponse<DjPasskey> registerComplete(@Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String credential = credentials.credential(errors, "credential", b.has("credential") ? raw(body, "credential") : null);
        String typed = b.optional(errors, "name");
        PasskeyName name = errors.attempt("name", () -> PasskeyName.of(typed));
        errors.throwIfAny();
        try {
            Passkey passkey = registerPasskey.registerPasskey(new RegisterPasskeyCommand(caller, credential, name, clientInfos.of(request)));
            return HttpResponse.status(HttpStatus.CREATED).body(DjPasskey.from(passkey));
        } catch (ValidationFailedException e) {
            // The serializer's validate() raises these: form-level errors.
            throw new DrfError(DrfErrors.fields(e.errors(), Map.of("credential", DrfErrors.NON_FIELD_ERRORS)));
        }
    }

    @Post("/login/begin/")
    @Operation(operationId = "djRestAuthPasskeyLoginBegin", summary = "Start a passkey sign-in (PasskeyLoginBeginView)",
            description = "`username` or `email` narrows the sign-in to that account; the answer is the same for unknown ones.")
    @ApiResponse(responseCode = "200", description = "The WebAuthn request options and `session_id`")
    public Map<String, Object> loginBegin(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String username = b.optional(errors, "username");
        String email = b.optional(errors, "email");
        errors.throwIfAny();
        String account = username != null && !username.isBlank() ? username : email;
        PasskeyDtos.RequestOptions options = PasskeyDtos.RequestOptions.from(
                beginLogIn.beginPasskeyLogIn(new BeginPasskeyLogInCommand(account, clientInfos.of(request))));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("challenge", options.challenge());
        answer.put("timeout", options.timeout());
        answer.put("rpId", options.rpId());
        answer.put("allowCredentials", options.allowCredentials());
        answer.put("userVerification", options.userVerification());
        answer.put("session_id", options.challenge());
        return answer;
    }

    @Post("/login/complete/")
    @Operation(operationId = "djRestAuthPasskeyLoginComplete", summary = "Sign in with a passkey (PasskeyLoginCompleteView)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Login.class)))
    @ApiResponse(responseCode = "400", description = "Body: {\"non_field_errors\": [\"Authentication verification failed.\"]}")
    public Login loginComplete(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String credential = credentials.credential(errors, "credential", b.has("credential") ? raw(body, "credential") : null);
        String sessionId = b.required(errors, "session_id");
        errors.throwIfAny();
        byte[] ceremony;
        try {
            ceremony = Base64.getUrlDecoder().decode(sessionId);
        } catch (IllegalArgumentException e) {
            throw new DrfError(DrfErrors.nonField(LOGIN_EXPIRED));
        }
        LogInResult result = logInWithPasskey.logInWithPasskey(new PasskeyLogInCommand(credential, ceremony, clientInfos.of(request)));
        return switch (result) {
            case LogInResult.LoggedIn in -> Login.from(in.authenticated());
            // A passkey is a phishing-resistant sign-in of its own (aal2): it never asks for a second factor.
            case LogInResult.MfaRequired pending -> throw new IllegalStateException("a passkey sign-in asked for a second factor");
            case LogInResult.Throttled throttled -> throw new RateLimitedException(throttled.retryAfter());
            case LogInResult.Refused refused -> throw new DrfError(DrfErrors.nonField(switch (refused.reason()) {
                case INVALID_CREDENTIALS -> LOGIN_FAILED;
                case ACCOUNT_DISABLED -> DrfErrors.DISABLED;
                case EMAIL_NOT_VERIFIED -> DrfErrors.NOT_VERIFIED;
            }));
        };
    }

    @Get("/")
    @Operation(operationId = "djRestAuthPasskeyList", summary = "My passkeys, newest first (PasskeyListView)",
            security = @SecurityRequirement(name = "bearer"))
    public List<DjPasskey> list(HttpRequest<?> request) {
        List<DjPasskey> all = new ArrayList<>(listPasskeys.listPasskeys(bearer.require(request)).stream().map(DjPasskey::from).toList());
        Collections.reverse(all);
        return all;
    }

    @Get("/{pk}/")
    @Operation(operationId = "djRestAuthPasskeyRetrieve", summary = "One of my passkeys (PasskeyDetailView)",
            security = @SecurityRequirement(name = "bearer"))
    public DjPasskey retrieve(@PathVariable String pk, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        PasskeyId id = PasskeyCredentials.id(pk).orElseThrow(() -> new NotFoundException("Passkey"));
        return listPasskeys.listPasskeys(caller).stream().filter(p -> p.id().equals(id)).findFirst().map(DjPasskey::from)
                .orElseThrow(() -> new NotFoundException("Passkey"));
    }

    @Patch("/{pk}/")
    @Operation(operationId = "djRestAuthPasskeyRename", summary = "Rename one of my passkeys (PasskeyDetailView, PasskeyUpdateSerializer)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjPasskeyName.class)))
    public DjPasskeyName rename(@PathVariable String pk, @Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        PasskeyId id = PasskeyCredentials.id(pk).orElseThrow(() -> new NotFoundException("Passkey"));
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String typed = b.required(errors, "name");
        PasskeyName name = typed == null ? null : errors.attempt("name", () -> PasskeyName.required(typed));
        errors.throwIfAny();
        return new DjPasskeyName(renamePasskey.renamePasskey(caller, id, name).name().value());
    }

    @Delete("/{pk}/")
    @Operation(operationId = "djRestAuthPasskeyDelete", summary = "Remove one of my passkeys (PasskeyDetailView)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "204", description = "Removed")
    public HttpResponse<Void> delete(@PathVariable String pk, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        PasskeyId id = PasskeyCredentials.id(pk).orElseThrow(() -> new NotFoundException("Passkey"));
        deletePasskey.deletePasskey(caller, id, clientInfos.of(request));
        return HttpResponse.noContent();
    }

    /** The credential as sent: an object stays an object (LenientBody would keep only strings). */
    private static Object raw(Object body, String field) {
        return body instanceof Map<?, ?> map ? map.get(field) : null;
    }

}
