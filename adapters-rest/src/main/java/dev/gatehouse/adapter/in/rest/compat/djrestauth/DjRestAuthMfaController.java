package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import dev.gatehouse.adapter.in.rest.BearerAuthentication;
import dev.gatehouse.adapter.in.rest.ClientInfos;
import dev.gatehouse.adapter.in.rest.compat.LenientBody;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthDtos.Detail;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthDtos.Login;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.MfaStateException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.ConfirmTotpUseCase;
import dev.gatehouse.application.port.in.ConfirmTotpUseCase.ConfirmTotpCommand;
import dev.gatehouse.application.port.in.DisableTotpUseCase;
import dev.gatehouse.application.port.in.DisableTotpUseCase.DisableTotpCommand;
import dev.gatehouse.application.port.in.GetMfaStatusUseCase;
import dev.gatehouse.application.port.in.GetMfaStatusUseCase.MfaStatus;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RegenerateRecoveryCodesUseCase;
import dev.gatehouse.application.port.in.SetUpTotpUseCase;
import dev.gatehouse.application.port.in.SetUpTotpUseCase.TotpSetup;
import dev.gatehouse.application.port.in.VerifyMfaUseCase;
import dev.gatehouse.application.port.in.VerifyMfaUseCase.VerifyMfaCommand;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * dj-rest-auth's MFA views (its {@code dj_rest_auth.mfa} package, 2026) over the same use cases as
 * Gatehouse's own /api/auth/mfa: the login's second step and TOTP activation, deactivation, status and
 * recovery codes. Only the words and shapes are dj-rest-auth's; on with the rest of the dialect.
 */
@Tag(name = "dj-rest-auth")
@Controller("/dj-rest-auth/mfa")
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
@Requires(property = DjRestAuthController.ENABLED, value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public record DjRestAuthMfaController(VerifyMfaUseCase verify, SetUpTotpUseCase setUp, ConfirmTotpUseCase confirm,
                                      DisableTotpUseCase disable, RegenerateRecoveryCodesUseCase regenerate,
                                      GetMfaStatusUseCase status, BearerAuthentication bearer, ClientInfos clientInfos) implements DrfErrorAnswers {
    static final String INVALID_EPHEMERAL = "Invalid or expired token.";
    static final String INVALID_CODE = "Invalid code.";
    static final String INVALID_ACTIVATION_CODE = "Invalid code. Please check your authenticator app and try again.";
    static final String INVALID_ACTIVATION_TOKEN = "Invalid or expired activation token.";

    @Post("/verify/")
    @Operation(operationId = "djRestAuthMfaVerify", summary = "Finish a login with a TOTP or recovery code (dj-rest-auth MFAVerifyView)",
            description = "The answer is the login view's; its tokens say amr [\"pwd\",\"otp\"] and aal2.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.VerifyRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Login.class)))
    @ApiResponse(responseCode = "400", description = "Body: {\"ephemeral_token\": [\"Invalid or expired token.\"]} (unknown, used, expired, "
            + "or dead after 5 wrong codes) or {\"code\": [\"Invalid code.\"]}")
    public Login verify(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String token = b.required(errors, "ephemeral_token");
        String code = b.required(errors, "code");
        errors.throwIfAny();
        try {
            return Login.from(verify.verify(new VerifyMfaCommand(token, code, clientInfos.of(request))));
        } catch (TokenNotValidException e) {
            throw new DrfError(DrfErrors.field("ephemeral_token", INVALID_EPHEMERAL));
        } catch (InvalidCredentialsException e) {
            throw new DrfError(DrfErrors.field("code", INVALID_CODE));
        }
    }

    @Get("/totp/activate/")
    @Operation(operationId = "djRestAuthTotpActivateInit", summary = "A new TOTP secret, its URI and QR code (dj-rest-auth TOTPActivateView)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.ActivateInit.class)))
    public DjRestAuthMfaDtos.ActivateInit activateInit(HttpRequest<?> request) {
        TotpSetup setup = setUp.setUp(bearer.require(request));
        String dataUri = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(setup.qrSvg().getBytes(StandardCharsets.UTF_8));
        return new DjRestAuthMfaDtos.ActivateInit(setup.secret(), setup.otpauthUri(), dataUri, setup.activationToken());
    }

    @Post("/totp/activate/")
    @Operation(operationId = "djRestAuthTotpActivate", summary = "Turn MFA on with the activation token and a code (dj-rest-auth TOTPActivateView)",
            description = "Every other session of the user is revoked.", security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.ActivateRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.Activated.class)))
    @ApiResponse(responseCode = "400", description = "Body: {\"activation_token\": [...]}, {\"code\": [...]} or {\"detail\": \"MFA is already enabled. …\"}")
    public DjRestAuthMfaDtos.Activated activate(@Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String token = b.required(errors, "activation_token");
        String code = b.required(errors, "code");
        errors.throwIfAny();
        try {
            return new DjRestAuthMfaDtos.Activated(confirm.confirm(new ConfirmTotpCommand(caller, code, token)));
        } catch (MfaStateException e) {
            if (e.enabled()) {
                throw e;
            }
            // Nothing pending: to dj-rest-auth that is an activation token that does not verify.
            throw new DrfError(DrfErrors.field("activation_token", INVALID_ACTIVATION_TOKEN));
        } catch (ValidationFailedException e) {
            throw new DrfError(e.errors().containsKey("code") ? DrfErrors.field("code", INVALID_ACTIVATION_CODE)
                    : DrfErrors.field("activation_token", INVALID_ACTIVATION_TOKEN));
        }
    }

    @Post("/totp/deactivate/")
    @Operation(operationId = "djRestAuthTotpDeactivate", summary = "Turn MFA off with a code (dj-rest-auth TOTPDeactivateView)",
            security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.CodeRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Detail.class)))
    @ApiResponse(responseCode = "400", description = "Body: {\"code\": [\"Invalid code.\"]} or {\"detail\": \"MFA is not enabled.\"}")
    public Detail deactivate(@Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        String code = code(body, request);
        try {
            disable.disable(new DisableTotpCommand(caller, code, null));
        } catch (ValidationFailedException e) {
            throw new DrfError(DrfErrors.field("code", INVALID_CODE));
        }
        return new Detail("TOTP has been deactivated.");
    }

    @Get("/status/")
    @Operation(operationId = "djRestAuthMfaStatus", summary = "Whether MFA is on (dj-rest-auth MFAStatusView)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.Status.class)))
    public DjRestAuthMfaDtos.Status status(HttpRequest<?> request) {
        MfaStatus s = status.status(bearer.require(request));
        return new DjRestAuthMfaDtos.Status(s.totp(), DjRestAuthMfaDtos.time(s.totpEnabledAt()), DjRestAuthMfaDtos.time(s.totpLastUsedAt()));
    }

    @Get("/recovery-codes/")
    @Operation(operationId = "djRestAuthRecoveryCodes", summary = "Unused recovery codes (dj-rest-auth RecoveryCodesView)",
            description = "Gatehouse keeps only hashes: `codes` is always empty and `remaining` counts the unused ones.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.RecoveryCodes.class)))
    public DjRestAuthMfaDtos.RecoveryCodes recoveryCodes(HttpRequest<?> request) {
        return new DjRestAuthMfaDtos.RecoveryCodes(List.of(), status.status(bearer.require(request)).recoveryCodesLeft());
    }

    @Post("/recovery-codes/regenerate/")
    @Operation(operationId = "djRestAuthRecoveryCodesRegenerate", summary = "New recovery codes (dj-rest-auth RecoveryCodesRegenerateView)",
            description = "Unlike dj-rest-auth, a current `code` is required: new codes are a second factor of their own.",
            security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.CodeRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjRestAuthMfaDtos.RecoveryCodes.class)))
    @ApiResponse(responseCode = "400", description = "Body: {\"code\": [...]} or {\"detail\": \"MFA is not enabled.\"}")
    public DjRestAuthMfaDtos.RecoveryCodes regenerateCodes(@Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        String code = code(body, request);
        try {
            return new DjRestAuthMfaDtos.RecoveryCodes(regenerate.regenerate(caller, code), null);
        } catch (ValidationFailedException e) {
            throw new DrfError(DrfErrors.field("code", INVALID_CODE));
        }
    }

    private static String code(Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String code = b.required(errors, "code");
        errors.throwIfAny();
        return code;
    }

}
