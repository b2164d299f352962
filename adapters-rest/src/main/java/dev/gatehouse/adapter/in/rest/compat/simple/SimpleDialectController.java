package dev.gatehouse.adapter.in.rest.compat.simple;

import dev.gatehouse.adapter.in.rest.BearerAuthentication;
import dev.gatehouse.adapter.in.rest.ClientInfos;
import dev.gatehouse.adapter.in.rest.LogInResults;
import dev.gatehouse.adapter.in.rest.dto.MfaDtos;
import dev.gatehouse.application.port.in.VerifyMfaUseCase;
import dev.gatehouse.adapter.in.rest.Problem;
import dev.gatehouse.adapter.in.rest.Problems;
import dev.gatehouse.adapter.in.rest.compat.BodyNotAnObjectException;
import dev.gatehouse.adapter.in.rest.compat.LenientBody;
import dev.gatehouse.adapter.in.rest.compat.simple.SimpleDtos.Registered;
import dev.gatehouse.adapter.in.rest.compat.simple.SimpleDtos.SimpleUser;
import dev.gatehouse.adapter.in.rest.compat.simple.SimpleDtos.Success;
import dev.gatehouse.adapter.in.rest.compat.simple.SimpleDtos.Tokens;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.LogInUseCase;
import dev.gatehouse.application.port.in.LogInUseCase.LogInCommand;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.LogOutUseCase;
import dev.gatehouse.application.port.in.LogOutUseCase.LogOutCommand;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RefreshSessionUseCase;
import dev.gatehouse.application.port.in.RegisterUserUseCase;
import dev.gatehouse.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.gatehouse.application.port.in.RegisterUserUseCase.RegistrationResult;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.UpdateProfileUseCase;
import dev.gatehouse.application.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.Username;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/**
 * The simple dialect: the small {@code /api/register, login, refresh, logout, me} surface many hand-written
 * backends expose, with {@code access_token}/{@code refresh_token} names. Only mapping happens here; errors
 * stay Gatehouse's problem+json (their {@code detail} is what such clients show). On when
 * AUTH_COMPAT_SIMPLE_ENABLED is true.
 */
@Tag(name = "simple", description = "Compatibility dialect for frontends of simple token backends (off by default; "
        + "AUTH_COMPAT_SIMPLE_ENABLED=true): access_token/refresh_token names, register answers {id, email} without tokens. "
        + "Request bodies are read leniently (unknown fields ignored); errors are Gatehouse's problem+json.")
@Controller("/api")
@Requires(property = SimpleDialectController.ENABLED, value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public record SimpleDialectController(RegisterUserUseCase register, LogInUseCase logIn, RefreshSessionUseCase refresh,
                                      LogOutUseCase logOut, UpdateProfileUseCase updateProfile, VerifyMfaUseCase verifyMfa,
                                      BearerAuthentication bearer, ClientInfos clientInfos) {

    public static final String ENABLED = "auth.compat.simple.enabled";
    private static final String CHECK_EMAIL = "Registration received. Please check your email to verify your address.";

    /** Creates the account; the client logs in afterwards. */
    @Post("/register")
    @Operation(operationId = "simpleRegister", summary = "Register")
    @RequestBody(content = @Content(schema = @Schema(implementation = SimpleDtos.RegisterRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Registered.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed", content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<Registered> register(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String email = b.required(errors, "email");
        EmailAddress address = email == null ? null : errors.attempt("email", () -> EmailAddress.of(email));
        PlainPassword password = b.password(errors, "password");
        String rawUsername = b.optional(errors, "username");
        Username username = rawUsername == null || rawUsername.isBlank() ? null : errors.attempt("username", () -> Username.of(rawUsername));
        errors.throwIfAny();
        // This dialect answers without tokens: the client logs in afterwards, so no session is opened.
        RegistrationResult result = register.register(new RegisterUserCommand(address, new Profile(username, "", "", null, null),
                password, null, clientInfos.of(request), SignIn.NO_SESSION));
        return switch (result) {
            case RegistrationResult.Registered r -> HttpResponse.created(new Registered(r.user().id().toString(),
                    r.user().email().value(), null));
            case RegistrationResult.PendingVerification p -> HttpResponse.created(new Registered(null, address.value(), CHECK_EMAIL));
        };
    }

    @Post("/login")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(operationId = "simpleLogin", summary = "Log in")
    @RequestBody(content = @Content(schema = @Schema(implementation = SimpleDtos.LoginRequest.class)))
    @ApiResponse(responseCode = "200", description = "The tokens; with MFA on, `{mfa_required, mfa_token, methods}` (finish at POST /api/mfa/verify)",
            content = @Content(schema = @Schema(oneOf = {Tokens.class, MfaDtos.MfaRequired.class})))
    @ApiResponse(responseCode = "401", description = "invalid_credentials", content = @Content(mediaType = "application/problem+json"))
    public Object login(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String login = b.optional(errors, "login");
        String email = b.optional(errors, "email");
        String username = b.optional(errors, "username");
        String identifier = login != null ? login : email != null ? email : username;
        if (errors.isEmpty() && (identifier == null || identifier.isBlank())) {
            errors.add("email", "Provide an email address or a username (as email, username or login).");
        }
        PlainPassword password = b.password(errors, "password");
        errors.throwIfAny();
        LogInResult result = logIn.logIn(new LogInCommand(identifier, password, clientInfos.of(request)));
        if (result instanceof LogInResult.MfaRequired pending) {
            return MfaDtos.MfaRequired.from(pending);
        }
        return Tokens.from(LogInResults.authenticatedOrThrow(result));
    }

    /** The second step of a login with MFA on: the mfa_token from login and a code. */
    @Post("/mfa/verify")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(operationId = "simpleMfaVerify", summary = "Finish a login with a second factor")
    @RequestBody(content = @Content(schema = @Schema(implementation = MfaDtos.Verify.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Tokens.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials (wrong code) or token_not_valid (mfa_token unknown, used, expired "
            + "or dead after 5 wrong codes)", content = @Content(mediaType = "application/problem+json"))
    public Tokens verifyMfa(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String token = b.required(errors, "mfa_token");
        String code = b.required(errors, "code");
        errors.throwIfAny();
        return Tokens.from(verifyMfa.verify(new VerifyMfaUseCase.VerifyMfaCommand(token, code, clientInfos.of(request))));
    }

    /** Rotates: the pair in the answer replaces the one the client holds. */
    @Post("/refresh")
    @Operation(operationId = "simpleRefresh", summary = "Refresh: a new, rotated pair")
    @RequestBody(content = @Content(schema = @Schema(implementation = SimpleDtos.RefreshRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Tokens.class)))
    @ApiResponse(responseCode = "401", description = "token_not_valid or token_reused", content = @Content(mediaType = "application/problem+json"))
    public Tokens refresh(@Body @Nullable Object body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String token = LenientBody.of(body, request).required(errors, "refresh_token");
        errors.throwIfAny();
        return Tokens.from(refresh.refresh(token));
    }

    /** Ends the session of the refresh token; an unknown or ended one is already logged out. */
    @Post("/logout")
    @Operation(operationId = "simpleLogout", summary = "Log out")
    @RequestBody(content = @Content(schema = @Schema(implementation = SimpleDtos.RefreshRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Success.class)))
    public Success logout(@Body @Nullable Object body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String token = LenientBody.of(body, request).required(errors, "refresh_token");
        errors.throwIfAny();
        logOut.logOut(new LogOutCommand(token, false, null));
        return new Success("User logged out.");
    }

    @Get("/me")
    @Operation(operationId = "simpleMe", summary = "The current user", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SimpleUser.class)))
    public SimpleUser me(HttpRequest<?> request) {
        return SimpleUser.from(bearer.require(request).user());
    }

    /**
     * The seed-000 backend's user detail route. Only the caller's own id is found: another user's id is
     * a 404, exactly like an unknown one (the original shows any user to anyone signed in, an IDOR not
     * copied here). Without a valid token the answer is 401 before anything else.
     */
    @Get("/user/{id}/")
    @Operation(operationId = "simpleUserDetail", summary = "The caller's own account by id (seed-000 UserViewSet)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SimpleDtos.UserDetail.class)))
    @ApiResponse(responseCode = "401", description = "not_authenticated or token_not_valid", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "not_found: any id but the caller's own", content = @Content(mediaType = "application/problem+json"))
    public SimpleDtos.UserDetail userDetail(String id, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        if (!caller.user().id().toString().equalsIgnoreCase(id)) {
            throw new NotFoundException("User");
        }
        return SimpleDtos.UserDetail.from(caller.user());
    }

    @Put("/me")
    @Operation(operationId = "simpleUpdateMe", summary = "Change the username", security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = SimpleDtos.MeUpdateRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SimpleUser.class)))
    public SimpleUser updateMe(@Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        LenientBody b = LenientBody.of(body, request);
        Profile current = caller.user().profile();
        FieldErrors errors = new FieldErrors();
        Username username = current.username();
        if (b.has("username")) {
            String value = b.optional(errors, "username");
            username = value == null || value.isBlank() ? null : errors.attempt("username", () -> Username.of(value));
        }
        if (b.has("email")) {
            String email = b.optional(errors, "email");
            if (email != null && !email.strip().equalsIgnoreCase(caller.user().email().value())) {
                errors.add("email", "The email address cannot be changed here.");
            }
        }
        errors.throwIfAny();
        return SimpleUser.from(updateProfile.updateProfile(new UpdateProfileCommand(caller,
                new Profile(username, current.firstName(), current.lastName(), current.phoneNumber(), current.avatar()))));
    }

    @Hidden
    @Error(exception = BodyNotAnObjectException.class)
    public HttpResponse<Problem> notAnObject(HttpRequest<?> request, BodyNotAnObjectException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "validation_failed", "The request body must be a JSON object.", null);
    }
}
