package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.DetailResponse;
import dev.gatehouse.adapter.in.rest.dto.Requests;
import dev.gatehouse.adapter.in.rest.dto.MfaDtos;
import dev.gatehouse.adapter.in.rest.dto.TokenPairResponse;
import dev.gatehouse.application.port.in.Redeemed;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase.ConfirmPasswordResetCommand;
import dev.gatehouse.application.port.in.RequestPasswordResetUseCase;
import dev.gatehouse.application.port.in.ResendVerificationUseCase;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.VerifyEmailUseCase;
import dev.gatehouse.application.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The flows that go through the user's mailbox: email verification and password reset. Requests
 * that take an address answer the same way whether or not an account has it.
 */
@Tag(name = "auth")
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public record EmailFlowsController(VerifyEmailUseCase verifyEmail, ResendVerificationUseCase resend,
                                   RequestPasswordResetUseCase requestReset, ConfirmPasswordResetUseCase confirmReset,
                                   ClientInfos clientInfos) {

    static final String RESENT = "If the address belongs to an account that still needs verifying, a new link has been sent.";
    static final String RESET_SENT = "If an account with this email exists, a password reset link has been sent.";

    /** The link in the verification mail: marks the address verified and logs in. Single use, 24 h. */
    @Get("/verify-email")
    @Operation(summary = "Verify an email address (link from the mail)")
    @ApiResponse(responseCode = "200", description = "The token pair and the user; with MFA on, `{mfa_required, mfa_token, methods}` and no session",
            content = @Content(schema = @Schema(oneOf = {TokenPairResponse.class, MfaDtos.MfaRequired.class})))
    @ApiResponse(responseCode = "401", description = "token_not_valid: unknown, used, expired or superseded", content = @Content(mediaType = "application/problem+json"))
    public Object verifyByLink(@QueryValue @Nullable String token, HttpRequest<?> request) {
        return verify(token, request);
    }

    @Post("/verify-email")
    @Operation(summary = "Verify an email address")
    @ApiResponse(responseCode = "200", description = "The token pair and the user; with MFA on, `{mfa_required, mfa_token, methods}` and no session",
            content = @Content(schema = @Schema(oneOf = {TokenPairResponse.class, MfaDtos.MfaRequired.class})))
    @ApiResponse(responseCode = "401", description = "token_not_valid", content = @Content(mediaType = "application/problem+json"))
    public Object verifyByBody(@Body Requests.Token body, HttpRequest<?> request) {
        return verify(body.token(), request);
    }

    private Object verify(String token, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String value = Fields.required(errors, "token", token);
        errors.throwIfAny();
        return signedIn(verifyEmail.verifyEmail(new VerifyEmailCommand(value, clientInfos.of(request), SignIn.START_SESSION)));
    }

    /** The session's tokens, or (MFA on: a mailed link is not a second factor) the pending login a code completes. */
    private static Object signedIn(Redeemed redeemed) {
        return redeemed.mfaRequired().<Object>map(MfaDtos.MfaRequired::from)
                .orElseGet(() -> TokenPairResponse.withUser(redeemed.authenticated()));
    }

    /** 202 with the same body for every address, known or not, verified or not. */
    @Post("/verify-email/resend")
    @Operation(summary = "Send the verification mail again")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = DetailResponse.class)))
    public HttpResponse<DetailResponse> resend(@Body Requests.Email body, HttpRequest<?> request) {
        resend.resendVerification(email(body), clientInfos.of(request));
        return HttpResponse.accepted().body(new DetailResponse(RESENT));
    }

    /** 202 with the same body for every address. The mailed link works once, for one hour. */
    @Post("/password/reset")
    @Operation(summary = "Ask for a password reset link")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = DetailResponse.class)))
    public HttpResponse<DetailResponse> requestReset(@Body Requests.Email body, HttpRequest<?> request) {
        requestReset.requestPasswordReset(email(body), clientInfos.of(request));
        return HttpResponse.accepted().body(new DetailResponse(RESET_SENT));
    }

    /** Sets the new password, revokes every session, and logs in on a new one. */
    @Post("/password/reset/confirm")
    @Operation(summary = "Set a new password with the mailed token")
    @ApiResponse(responseCode = "200", description = "The token pair and the user; with MFA on, `{mfa_required, mfa_token, methods}` and no session",
            content = @Content(schema = @Schema(oneOf = {TokenPairResponse.class, MfaDtos.MfaRequired.class})))
    @ApiResponse(responseCode = "401", description = "token_not_valid: unknown, used, expired, superseded or older than the last password change", content = @Content(mediaType = "application/problem+json"))
    public Object confirmReset(@Body Requests.PasswordResetConfirm body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String token = Fields.required(errors, "token", body.token());
        PlainPassword password = Fields.password(errors, "new_password", body.newPassword());
        errors.throwIfAny();
        return signedIn(confirmReset.confirmPasswordReset(new ConfirmPasswordResetCommand(token, password,
                Fields.optionalPassword(body.confirmPassword()), clientInfos.of(request), SignIn.START_SESSION)));
    }

    private static EmailAddress email(Requests.Email body) {
        FieldErrors errors = new FieldErrors();
        String raw = Fields.required(errors, "email", body.email());
        EmailAddress address = raw == null ? null : errors.attempt("email", () -> EmailAddress.of(raw));
        errors.throwIfAny();
        return address;
    }
}
