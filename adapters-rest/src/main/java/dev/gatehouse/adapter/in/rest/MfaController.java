package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.MfaDtos;
import dev.gatehouse.adapter.in.rest.dto.TokenPairResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.port.in.ConfirmTotpUseCase;
import dev.gatehouse.application.port.in.ConfirmTotpUseCase.ConfirmTotpCommand;
import dev.gatehouse.application.port.in.DisableTotpUseCase;
import dev.gatehouse.application.port.in.DisableTotpUseCase.DisableTotpCommand;
import dev.gatehouse.application.port.in.GetMfaStatusUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RegenerateRecoveryCodesUseCase;
import dev.gatehouse.application.port.in.SetUpTotpUseCase;
import dev.gatehouse.application.port.in.VerifyMfaUseCase;
import dev.gatehouse.application.port.in.VerifyMfaUseCase.VerifyMfaCommand;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Second factors at Gatehouse's own API: the login's second step, and adding or removing an authenticator app. */
@Tag(name = "mfa", description = "Multi-factor authentication: TOTP authenticator apps and recovery codes")
@Controller("/api/auth/mfa")
@ExecuteOn(TaskExecutors.BLOCKING)
public record MfaController(VerifyMfaUseCase verify, SetUpTotpUseCase setUp, ConfirmTotpUseCase confirm, DisableTotpUseCase disable,
                            RegenerateRecoveryCodesUseCase regenerate, GetMfaStatusUseCase status,
                            BearerAuthentication bearer, ClientInfos clientInfos) {

    /** The login's second step: the mfa_token from login and a code open the session, at aal2. */
    @Post("/verify")
    @Operation(summary = "Finish a login with a second factor",
            description = "`code` is a 6-digit code from the app (each accepted once) or an unused recovery code. The answer is "
                    + "login's, and its tokens say `amr: [\"pwd\",\"otp\"]`, `aal: \"aal2\"` (so do refreshed ones). Code guesses "
                    + "count against the account's login lockout; the fifth wrong code for one mfa_token kills it.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenPairResponse.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials (wrong code) or token_not_valid (mfa_token unknown, used, "
            + "expired or dead)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "rate_limited (account locked, or too many guesses from the client)",
            content = @Content(mediaType = "application/problem+json"))
    public TokenPairResponse verify(@Body MfaDtos.Verify body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String token = Fields.required(errors, "mfa_token", body.mfaToken());
        String code = Fields.required(errors, "code", body.code());
        errors.throwIfAny();
        return TokenPairResponse.withUser(verify.verify(new VerifyMfaCommand(token, code, clientInfos.of(request))));
    }

    @Get
    @Operation(summary = "Second factors of the caller", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MfaDtos.Status.class)))
    public MfaDtos.Status status(HttpRequest<?> request) {
        return MfaDtos.Status.from(status.status(bearer.require(request)));
    }

    @Post("/totp/setup")
    @Operation(summary = "Start adding an authenticator app", security = @SecurityRequirement(name = "bearer"),
            description = "A fresh secret each time (an earlier pending one is replaced); MFA stays off until confirmed. Needs a "
                    + "session opened by a login in the last AUTH_MFA_RECENT_LOGIN (15 minutes).")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MfaDtos.Setup.class)))
    @ApiResponse(responseCode = "403", description = "recent_login_required", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "mfa_already_enabled", content = @Content(mediaType = "application/problem+json"))
    public MfaDtos.Setup setUp(HttpRequest<?> request) {
        return MfaDtos.Setup.from(setUp.setUp(bearer.require(request)));
    }

    @Post("/totp/confirm")
    @Operation(summary = "Turn MFA on with a first code", security = @SecurityRequirement(name = "bearer"),
            description = "Answers ten recovery codes, shown this once. Every other session of the user is revoked.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MfaDtos.RecoveryCodes.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed (`code`: wrong code)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "mfa_already_enabled, or mfa_not_enabled (nothing set up)",
            content = @Content(mediaType = "application/problem+json"))
    public MfaDtos.RecoveryCodes confirm(@Body MfaDtos.Code body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        String code = required(body.code());
        return new MfaDtos.RecoveryCodes(confirm.confirm(new ConfirmTotpCommand(caller, code, null)));
    }

    @Delete("/totp")
    @Operation(summary = "Turn MFA off", security = @SecurityRequirement(name = "bearer"),
            description = "Proved by `code` (from the app, or a recovery code) or `password`. The app and the recovery codes go.")
    @ApiResponse(responseCode = "204", description = "Off")
    @ApiResponse(responseCode = "400", description = "validation_failed (neither given, or a wrong code)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "invalid_credentials (wrong password)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "mfa_not_enabled", content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<Void> disable(@Body MfaDtos.Disable body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        boolean hasCode = body.code() != null && !body.code().isBlank();
        PlainPassword password = null;
        if (!hasCode) {
            FieldErrors errors = new FieldErrors();
            if (body.password() == null || body.password().isEmpty()) {
                errors.add("code", "Give a current code or the password.");
            } else {
                password = Fields.password(errors, "password", body.password());
            }
            errors.throwIfAny();
        }
        disable.disable(new DisableTotpCommand(caller, hasCode ? body.code() : null, password));
        return HttpResponse.noContent();
    }

    @Post("/recovery-codes")
    @Operation(summary = "New recovery codes", security = @SecurityRequirement(name = "bearer"),
            description = "Proved by a current code; the old recovery codes stop working. Shown this once.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MfaDtos.RecoveryCodes.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed (`code`)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "mfa_not_enabled", content = @Content(mediaType = "application/problem+json"))
    public MfaDtos.RecoveryCodes regenerate(@Body MfaDtos.Code body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        return new MfaDtos.RecoveryCodes(regenerate.regenerate(caller, required(body.code())));
    }

    private static String required(String code) {
        FieldErrors errors = new FieldErrors();
        String value = Fields.required(errors, "code", code);
        errors.throwIfAny();
        return value;
    }
}
