package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.DetailResponse;
import dev.gatehouse.adapter.in.rest.dto.Requests;
import dev.gatehouse.adapter.in.rest.dto.UserResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.port.in.ChangeEmailUseCase;
import dev.gatehouse.application.port.in.ConfirmEmailChangeUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Moving an account to another address (native only: dj-rest-auth has no such route). */
@Tag(name = "auth")
@Controller("/api/auth/email/change")
@ExecuteOn(TaskExecutors.BLOCKING)
public record EmailChangeController(BearerAuthentication bearer, ChangeEmailUseCase changeEmail,
                                    ConfirmEmailChangeUseCase confirm, ClientInfos clientInfos) {

    static final String SENT = "A confirmation link has been sent to the new address.";

    @Post
    @Operation(summary = "Ask to change the email address", security = @SecurityRequirement(name = "bearer"),
            description = "A single-use link (24 h) goes to the new address and a notice to the old one. The answer is the "
                    + "same whether or not the new address is taken. Wrong passwords count towards the login lockout.")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = DetailResponse.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials (wrong password) or not_authenticated",
            content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<DetailResponse> request(@Body @Nullable Requests.EmailChange body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        FieldErrors errors = new FieldErrors();
        String raw = Fields.required(errors, "new_email", body == null ? null : body.newEmail());
        EmailAddress newEmail = raw == null ? null : errors.attempt("new_email", () -> EmailAddress.of(raw));
        PlainPassword password = Fields.password(errors, "password", body == null ? null : body.password());
        errors.throwIfAny();
        changeEmail.requestEmailChange(new ChangeEmailUseCase.ChangeEmailCommand(caller, newEmail, password, clientInfos.of(request)));
        return HttpResponse.accepted().body(new DetailResponse(SENT));
    }

    @Post("/confirm")
    @Operation(summary = "Confirm an email change with the mailed token",
            description = "The address changes and counts as verified.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @ApiResponse(responseCode = "400", description = "email_taken: another account has the address by now",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "token_not_valid", content = @Content(mediaType = "application/problem+json"))
    public UserResponse confirm(@Body @Nullable Requests.Token body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String token = Fields.required(errors, "token", body == null ? null : body.token());
        errors.throwIfAny();
        return UserResponse.from(confirm.confirmEmailChange(token, clientInfos.of(request)));
    }
}
