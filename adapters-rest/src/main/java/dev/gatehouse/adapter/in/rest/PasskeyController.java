package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.PasskeyDtos;
import dev.gatehouse.adapter.in.rest.dto.PasskeyDtos.PasskeyResponse;
import dev.gatehouse.adapter.in.rest.dto.TokenPairResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.BeginPasskeyLogInUseCase;
import dev.gatehouse.application.port.in.BeginPasskeyLogInUseCase.BeginPasskeyLogInCommand;
import dev.gatehouse.application.port.in.BeginPasskeyRegistrationUseCase;
import dev.gatehouse.application.port.in.DeletePasskeyUseCase;
import dev.gatehouse.application.port.in.ListPasskeysUseCase;
import dev.gatehouse.application.port.in.LogInWithPasskeyUseCase;
import dev.gatehouse.application.port.in.LogInWithPasskeyUseCase.PasskeyLogInCommand;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RegisterPasskeyUseCase;
import dev.gatehouse.application.port.in.RegisterPasskeyUseCase.RegisterPasskeyCommand;
import dev.gatehouse.application.port.in.RenamePasskeyUseCase;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.passkey.PasskeyName;
import dev.gatehouse.domain.user.EmailAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Passkeys (WebAuthn): registration on a signed-in account, sign-in with a passkey alone (usernameless, or for
 * one email address), and the list of one's passkeys. A ceremony is two requests: options, then the browser's
 * answer; the challenge in the options names the ceremony, so any instance can finish it.
 */
@Tag(name = "passkeys", description = "WebAuthn passkeys: registration, sign-in, management")
@Controller("/api/auth/passkeys")
@ExecuteOn(TaskExecutors.BLOCKING)
public record PasskeyController(BeginPasskeyRegistrationUseCase beginRegistration, RegisterPasskeyUseCase registerPasskey,
                                BeginPasskeyLogInUseCase beginLogIn, LogInWithPasskeyUseCase logInWithPasskey,
                                ListPasskeysUseCase listPasskeys, RenamePasskeyUseCase renamePasskey,
                                DeletePasskeyUseCase deletePasskey, PasskeyCredentials credentials,
                                BearerAuthentication bearer, ClientInfos clientInfos) {

    @Post("/register/options")
    @Operation(summary = "Start registering a passkey", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PasskeyDtos.CreationOptions.class)))
    public PasskeyDtos.CreationOptions registerOptions(HttpRequest<?> request) {
        return PasskeyDtos.CreationOptions.from(beginRegistration.beginPasskeyRegistration(bearer.require(request)));
    }

    @Post("/register")
    @Operation(summary = "Finish registering a passkey", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PasskeyResponse.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed on `credential`: not verifiable, another origin, "
            + "a spent or expired challenge, or a passkey registered already; on `name`", content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<PasskeyResponse> register(@Body PasskeyDtos.RegisterRequest body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        FieldErrors errors = new FieldErrors();
        String credential = credentials.credential(errors, "credential", body.credential());
        PasskeyName name = errors.attempt("name", () -> PasskeyName.of(body.name()));
        errors.throwIfAny();
        return HttpResponse.status(HttpStatus.CREATED).body(PasskeyResponse.from(registerPasskey.registerPasskey(
                new RegisterPasskeyCommand(caller, credential, name, clientInfos.of(request)))));
    }

    @Post("/login/options")
    @Operation(summary = "Start a passkey sign-in", description = "Without `email`: usernameless, any registered passkey may "
            + "answer. With `email`: only that account's passkeys may; an unknown address answers exactly the same.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PasskeyDtos.RequestOptions.class)))
    public PasskeyDtos.RequestOptions loginOptions(@Body @Nullable PasskeyDtos.LoginOptionsRequest body, HttpRequest<?> request) {
        EmailAddress email = null;
        if (body != null && body.email() != null && !body.email().isBlank()) {
            FieldErrors errors = new FieldErrors();
            email = errors.attempt("email", () -> EmailAddress.of(body.email()));
            errors.throwIfAny();
        }
        return PasskeyDtos.RequestOptions.from(beginLogIn.beginPasskeyLogIn(
                new BeginPasskeyLogInCommand(email == null ? null : email.value(), clientInfos.of(request))));
    }

    @Post("/login")
    @Operation(summary = "Sign in with a passkey", description = "A complete sign-in: the tokens say amr [\"hwk\"] and aal2.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenPairResponse.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials: whatever was wrong with the passkey or its ceremony",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "account_disabled, or email_not_verified (mandatory mode)",
            content = @Content(mediaType = "application/problem+json"))
    public TokenPairResponse login(@Body PasskeyDtos.LoginRequest body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String credential = credentials.credential(errors, "credential", body.credential());
        errors.throwIfAny();
        return TokenPairResponse.withUser(LogInResults.authenticatedOrThrow(
                logInWithPasskey.logInWithPasskey(new PasskeyLogInCommand(credential, clientInfos.of(request)))));
    }

    @Get
    @Operation(summary = "List my passkeys", security = @SecurityRequirement(name = "bearer"))
    public List<PasskeyResponse> list(HttpRequest<?> request) {
        return listPasskeys.listPasskeys(bearer.require(request)).stream().map(PasskeyResponse::from).toList();
    }

    @Patch("/{id}")
    @Operation(summary = "Rename one of my passkeys", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PasskeyResponse.class)))
    @ApiResponse(responseCode = "404", description = "not_found: unknown, or another user's", content = @Content(mediaType = "application/problem+json"))
    public PasskeyResponse rename(@PathVariable String id, @Body PasskeyDtos.RenameRequest body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        PasskeyId passkey = PasskeyCredentials.id(id).orElseThrow(() -> new NotFoundException("Passkey"));
        FieldErrors errors = new FieldErrors();
        PasskeyName name = errors.attempt("name", () -> PasskeyName.required(body.name()));
        errors.throwIfAny();
        return PasskeyResponse.from(renamePasskey.renamePasskey(caller, passkey, name));
    }

    @Delete("/{id}")
    @Operation(summary = "Remove one of my passkeys", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "not_found: unknown, or another user's", content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<Void> delete(@PathVariable String id, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        PasskeyId passkey = PasskeyCredentials.id(id).orElseThrow(() -> new NotFoundException("Passkey"));
        deletePasskey.deletePasskey(caller, passkey, clientInfos.of(request));
        return HttpResponse.noContent();
    }
}
