package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import dev.gatehouse.adapter.in.rest.BearerAuthentication;
import dev.gatehouse.adapter.in.rest.BrowserCookies;
import dev.gatehouse.adapter.in.rest.ClientInfos;
import dev.gatehouse.adapter.in.rest.compat.LenientBody;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthDtos.Detail;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthDtos.DjUser;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthDtos.Login;
import dev.gatehouse.adapter.in.rest.compat.djrestauth.DjRestAuthDtos.Refreshed;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.GatehouseException;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.TokenReusedException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.ChangePasswordUseCase;
import dev.gatehouse.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase.ConfirmPasswordResetCommand;
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
import dev.gatehouse.application.port.in.RequestPasswordResetUseCase;
import dev.gatehouse.application.port.in.ResendVerificationUseCase;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.UpdateProfileUseCase;
import dev.gatehouse.application.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import dev.gatehouse.application.port.in.VerifyEmailUseCase;
import dev.gatehouse.application.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.domain.user.Username;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import java.util.List;
import java.util.Map;

/**
 * The dj-rest-auth dialect (with djangorestframework-simplejwt, JWT in the response body): a Django
 * frontend talks to Gatehouse without a change. Only mapping happens here: field names, status codes and
 * DRF's error shapes. Every rule is the use cases'. On when AUTH_COMPAT_DJ_REST_AUTH_ENABLED is true.
 *
 * <p>Paths are written as Django writes them, with the trailing slash; the router matches them with or
 * without it.
 */
@Tag(name = "dj-rest-auth", description = "Compatibility dialect for dj-rest-auth + simplejwt frontends (off by default; "
        + "AUTH_COMPAT_DJ_REST_AUTH_ENABLED=true). Paths are served with the trailing slash Django clients send "
        + "(/dj-rest-auth/login/) and without it. Request bodies are read leniently (unknown fields ignored); errors are "
        + "DRF-shaped JSON, not problem+json.")
@Controller("/dj-rest-auth")
// DRF's default parsers: JSON, HTML forms and multipart (jQuery, <form> and FormData send the latter two).
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
@Requires(property = DjRestAuthController.ENABLED, value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public record DjRestAuthController(RegisterUserUseCase register, LogInUseCase logIn, RefreshSessionUseCase refresh,
                                   LogOutUseCase logOut, AuthenticateUseCase authenticate,
                                   ChangePasswordUseCase changePassword, UpdateProfileUseCase updateProfile,
                                   VerifyEmailUseCase verifyEmail, ResendVerificationUseCase resend,
                                   RequestPasswordResetUseCase requestReset, ConfirmPasswordResetUseCase confirmReset,
                                   BearerAuthentication bearer, ClientInfos clientInfos, BrowserCookies cookies) implements DrfErrorAnswers {

    public static final String ENABLED = "auth.compat.dj-rest-auth.enabled";
    static final String MUST_INCLUDE = "Must include either \"username\" or \"email\" and \"password\".";
    static final String NO_REFRESH = "Refresh token was not included in request data.";
    static final String NO_VALID_REFRESH = "No valid refresh token found.";
    static final String INVALID_VALUE = "Invalid value";
    /** Django's SetPasswordForm reports the policy and the mismatch on the second field. */
    private static final Map<String, String> SET_PASSWORD_FIELDS = Map.of("new_password", "new_password2",
            "confirm_password", "new_password2");
    /** dj-rest-auth's RegisterSerializer: the policy on password1, the mismatch as a form error. */
    private static final Map<String, String> REGISTER_FIELDS = Map.of("password", "password1",
            "confirm_password", DrfErrors.NON_FIELD_ERRORS);
    /** allauth's RegisterSerializer words a taken address its own way. */
    private static final Map<String, String> REGISTER_WORDING = Map.of(
            RegisterUserUseCase.EMAIL_TAKEN, "A user is already registered with this e-mail address.");
    /** Django's SetPasswordForm (since 3.0) writes the mismatch with a typographic apostrophe; dj-rest-auth's register does not. */
    private static final Map<String, String> SET_PASSWORD_WORDING = Map.of(
            "The two password fields didn't match.", "The two password fields didn\u2019t match.");

    @Post("/login/")
    @Operation(operationId = "djRestAuthLogin", summary = "Log in (dj-rest-auth LoginView)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.LoginRequest.class)))
    @ApiResponse(responseCode = "200", description = "The tokens and the user; with MFA on, dj-rest-auth MFALoginView's "
            + "{\"ephemeral_token\": …, \"mfa_required\": true} and no tokens (finish at mfa/verify/)",
            content = @Content(schema = @Schema(oneOf = {Login.class, DjRestAuthMfaDtos.MfaRequired.class})))
    @ApiResponse(responseCode = "400", description = "Body: {\"non_field_errors\": [\"Unable to log in with provided credentials.\"]} — also "
            + "for a disabled account or, in mandatory mode, an unverified address (after a correct password)")
    @ApiResponse(responseCode = "429", description = "Body: {\"detail\": \"Request was throttled. Expected available in N seconds.\"}")
    public Object login(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        // LoginSerializer's CharField/EmailField(required=False, allow_blank=True): absent or "" is fine, null is not.
        for (String field : List.of("username", "email")) {
            if (b.isNull(field)) {
                errors.add(field, LenientBody.NULL);
            }
        }
        String username = b.optional(errors, "username");
        String email = b.optional(errors, "email");
        if (email != null && !email.isBlank()) {
            // LoginSerializer's EmailField(allow_blank=True): a malformed address is an error on its field.
            errors.attempt("email", () -> EmailAddress.of(email));
        }
        PlainPassword password = b.password(errors, "password");
        errors.throwIfAny();
        String identifier = email != null && !email.isBlank() ? email : username != null && !username.isBlank() ? username : null;
        if (identifier == null) {
            throw new DrfError(DrfErrors.nonField(MUST_INCLUDE));
        }
        LogInResult result = logIn.logIn(new LogInCommand(identifier, password, clientInfos.of(request)));
        return switch (result) {
            case LogInResult.LoggedIn in -> Login.from(in.authenticated());
            case LogInResult.MfaRequired pending -> new DjRestAuthMfaDtos.MfaRequired(pending.mfaToken(), true);
            case LogInResult.Throttled throttled -> throw new RateLimitedException(throttled.retryAfter());
            case LogInResult.Refused refused -> throw new DrfError(DrfErrors.nonField(switch (refused.reason()) {
                case INVALID_CREDENTIALS -> DrfErrors.BAD_CREDENTIALS;
                case ACCOUNT_DISABLED -> DrfErrors.DISABLED;
                case EMAIL_NOT_VERIFIED -> DrfErrors.NOT_VERIFIED;
            }));
        };
    }

    /** Ends the refresh token's session. An unknown or spent token is already logged out: 200. */
    @Post("/logout/")
    @Operation(operationId = "djRestAuthLogout", summary = "Log out (dj-rest-auth LogoutView with the simplejwt blacklist)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.RefreshRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Detail.class)))
    @ApiResponse(responseCode = "401", description = "Body: {\"detail\": \"Refresh token was not included in request data.\"}")
    public Detail logout(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        // JWT_AUTH_HTTPONLY: the refresh cookie's token when the body has none; either way both cookies go.
        String token = cookies.refreshToken(request, b.optional(new FieldErrors(), "refresh"));
        cookies.clearOnResponse(request);
        if (token == null || token.isEmpty()) {
            throw new DrfError(DrfErrors.detail(HttpStatus.UNAUTHORIZED, NO_REFRESH));
        }
        logOut.logOut(new LogOutCommand(token, false, null));
        return new Detail("Successfully logged out.");
    }

    /** The same answer for every address; a known, active account is mailed a link with uid and token. */
    @Post("/password/reset/")
    @Operation(operationId = "djRestAuthPasswordReset", summary = "Ask for a password reset mail (dj-rest-auth PasswordResetView)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.EmailRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Detail.class)))
    public Detail passwordReset(@Body @Nullable Object body, HttpRequest<?> request) {
        requestReset.requestPasswordReset(email(LenientBody.of(body, request)), clientInfos.of(request));
        return new Detail("Password reset e-mail has been sent.");
    }

    @Post("/password/reset/confirm/")
    @Operation(operationId = "djRestAuthPasswordResetConfirm",
            summary = "Set a new password with the uid and token from the mail (dj-rest-auth PasswordResetConfirmView)",
            description = "Revokes every session of the user. Unlike Gatehouse's own API it does not log in: the answer is a detail.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.PasswordResetConfirmRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Detail.class)))
    @ApiResponse(responseCode = "400", description = "Body: {\"uid\": [\"Invalid value\"]}, {\"token\": [\"Invalid value\"]} (unknown, used, "
            + "expired or superseded), or password errors under new_password2")
    public Detail passwordResetConfirm(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        PlainPassword password1 = b.password(errors, "new_password1");
        PlainPassword password2 = b.password(errors, "new_password2");
        String uid = b.required(errors, "uid");
        String token = b.required(errors, "token");
        errors.throwIfAny();
        // Django's uid is the user id in the link's compact form; one that names nobody is its own error.
        UserId expected = UserId.fromCompact(uid).orElseThrow(() -> new DrfError(DrfErrors.field("uid", INVALID_VALUE)));
        try {
            // dj-rest-auth answers a detail only: no session is opened.
            confirmReset.confirmPasswordReset(new ConfirmPasswordResetCommand(token, password1, password2, clientInfos.of(request),
                    expected, SignIn.NO_SESSION));
        } catch (NotFoundException e) {
            throw new DrfError(DrfErrors.field("uid", INVALID_VALUE));
        } catch (TokenNotValidException e) {
            throw new DrfError(DrfErrors.field("token", INVALID_VALUE));
        } catch (ValidationFailedException e) {
            throw new DrfError(DrfErrors.fields(e.errors(), SET_PASSWORD_FIELDS, SET_PASSWORD_WORDING));
        }
        return new Detail("Password has been reset with the new password.");
    }

    /** Other sessions of the user are revoked (as LOGOUT_ON_PASSWORD_CHANGE would); the caller's stays. */
    @Post("/password/change/")
    @Operation(operationId = "djRestAuthPasswordChange",
            summary = "Change password (dj-rest-auth PasswordChangeView, OLD_PASSWORD_FIELD_ENABLED)",
            security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.PasswordChangeRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Detail.class)))
    @ApiResponse(responseCode = "401", description = "Body: {\"detail\": \"Authentication credentials were not provided.\"}")
    public Detail passwordChange(@Body @Nullable Object body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        PlainPassword old = b.password(errors, "old_password");
        PlainPassword password1 = b.password(errors, "new_password1");
        PlainPassword password2 = b.password(errors, "new_password2");
        errors.throwIfAny();
        try {
            changePassword.changePassword(new ChangePasswordCommand(caller, old, password1, password2));
        } catch (ValidationFailedException e) {
            if (e.errors().containsKey("old_password")) {
                // DRF stops at a field's own validator: a wrong old password is all the answer says.
                throw new DrfError(DrfErrors.fields(Map.of("old_password", e.errors().get("old_password")), Map.of()));
            }
            throw new DrfError(DrfErrors.fields(e.errors(), SET_PASSWORD_FIELDS, SET_PASSWORD_WORDING));
        }
        return new Detail("New password has been saved.");
    }

    @Get("/user/")
    @Operation(operationId = "djRestAuthUser", summary = "The current user (dj-rest-auth UserDetailsView)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjUser.class)))
    public DjUser user(HttpRequest<?> request) {
        return DjUser.from(bearer.require(request).user());
    }

    @Put("/user/")
    @Operation(operationId = "djRestAuthReplaceUser", summary = "Update the current user; `username` required",
            security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.UserUpdateRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjUser.class)))
    public DjUser replaceUser(@Body @Nullable Object body, HttpRequest<?> request) {
        return updateUser(request, body, true);
    }

    @Patch("/user/")
    @Operation(operationId = "djRestAuthPatchUser", summary = "Update some fields of the current user",
            security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.UserUpdateRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DjUser.class)))
    public DjUser patchUser(@Body @Nullable Object body, HttpRequest<?> request) {
        return updateUser(request, body, false);
    }

    /**
     * DRF's ModelSerializer: fields sent are set, fields not sent keep their value (PUT only insists on the
     * required {@code username}); read-only and unknown fields are ignored.
     */
    private DjUser updateUser(HttpRequest<?> request, Object body, boolean put) {
        Principal caller = bearer.require(request);
        LenientBody b = LenientBody.of(body, request);
        Profile current = caller.user().profile();
        FieldErrors errors = new FieldErrors();
        Username username = current.username();
        if (put && !b.has("username")) {
            errors.add("username", LenientBody.REQUIRED);
        } else if (b.isNull("username")) {
            errors.add("username", LenientBody.NULL);
        } else if (b.has("username")) {
            String value = b.optional(errors, "username");
            if (value != null && value.isBlank()) {
                // An account without a username shows "" and may send it back; a username cannot be removed.
                if (current.username() != null) {
                    errors.add("username", LenientBody.BLANK);
                }
            } else if (value != null) {
                username = errors.attempt("username", () -> Username.of(value));
            }
        }
        String firstName = name(b, errors, "first_name", current.firstName());
        String lastName = name(b, errors, "last_name", current.lastName());
        errors.throwIfAny();
        return DjUser.from(updateProfile.updateProfile(new UpdateProfileCommand(caller,
                new Profile(username, firstName, lastName, current.phoneNumber(), current.avatar()))));
    }

    private static String name(LenientBody b, FieldErrors errors, String field, String current) {
        if (!b.has(field)) {
            return current;
        }
        if (b.isNull(field)) {
            errors.add(field, LenientBody.NULL);
            return current;
        }
        String value = b.optional(errors, field);
        return value == null ? current : errors.attempt(field, () -> Profile.name(value));
    }

    /** {@code {}} for a valid access token whose session is live. */
    @Post("/token/verify/")
    @Operation(operationId = "djRestAuthTokenVerify", summary = "Verify an access token (simplejwt TokenVerifyView)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.TokenVerifyRequest.class)))
    @ApiResponse(responseCode = "200", description = "An empty JSON object, {}")
    @ApiResponse(responseCode = "401", description = "Body: {\"detail\": \"Token is invalid or expired\", \"code\": \"token_not_valid\"}")
    public Map<String, Object> tokenVerify(@Body @Nullable Object body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String token = LenientBody.of(body, request).required(errors, "token");
        errors.throwIfAny();
        try {
            authenticate.authenticate(token);
        } catch (TokenNotValidException e) {
            throw new DrfError(DrfErrors.token(DrfErrors.TOKEN_INVALID));
        }
        return Map.of();
    }

    /** Always rotates: the answer's {@code refresh} replaces the one sent, which is spent. */
    @Post("/token/refresh/")
    @Operation(operationId = "djRestAuthTokenRefresh", summary = "Refresh (simplejwt TokenRefreshView with ROTATE_REFRESH_TOKENS)",
            description = "The presented refresh token is spent: store the `refresh` of the answer. A spent token presented "
                    + "again after the grace window revokes the session (401 \"Token is blacklisted\").")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.RefreshRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Refreshed.class)))
    @ApiResponse(responseCode = "401", description = "Body: {\"detail\": \"Token is invalid or expired\", \"code\": \"token_not_valid\"}; "
            + "\"No valid refresh token found.\" without a refresh; \"Token has wrong type\" for an access token; "
            + "\"Token is blacklisted\" for a spent one")
    public Refreshed tokenRefresh(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        // dj-rest-auth's CookieTokenRefreshSerializer: a non-empty refresh in the body wins, else the cookie.
        String fromCookie = cookies.enabled() ? cookies.refreshToken(request, null) : null;
        if (fromCookie != null && (!b.has("refresh") || "".equals(b.optional(new FieldErrors(), "refresh")))) {
            return refreshed(fromCookie);
        }
        if (!b.has("refresh")) {
            // No refresh in the body nor a cookie is a 401 token_not_valid, which is what refresh interceptors look for.
            throw new DrfError(DrfErrors.token(NO_VALID_REFRESH));
        }
        FieldErrors errors = new FieldErrors();
        String token = b.required(errors, "refresh");
        errors.throwIfAny();
        return refreshed(token);
    }

    private Refreshed refreshed(String token) {
        try {
            return Refreshed.from(refresh.refresh(token));
        } catch (TokenNotValidException e) {
            throw new DrfError(DrfErrors.token(isLiveAccessToken(token) ? DrfErrors.WRONG_TYPE : DrfErrors.TOKEN_INVALID));
        } catch (TokenReusedException e) {
            throw new DrfError(DrfErrors.token(DrfErrors.BLACKLISTED));
        }
    }

    @Post("/registration/")
    @Operation(operationId = "djRestAuthRegistration", summary = "Register (dj-rest-auth RegisterView)",
            description = "Verification modes none/optional: 201 with tokens and the user. Mode mandatory: "
                    + "201 {\"detail\": \"Verification e-mail sent.\"}, also for a taken address.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.RegisterRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(oneOf = {DjRestAuthDtos.Registered.class, Detail.class})))
    @ApiResponse(responseCode = "400", description = "field errors; a password mismatch is a non_field_errors entry")
    public HttpResponse<?> registration(@Body @Nullable Object body, HttpRequest<?> request) {
        LenientBody b = LenientBody.of(body, request);
        FieldErrors errors = new FieldErrors();
        String rawUsername = b.optional(errors, "username");
        Username username = rawUsername == null || rawUsername.isBlank() ? null : errors.attempt("username", () -> Username.of(rawUsername));
        String email = b.required(errors, "email");
        EmailAddress address = email == null ? null : errors.attempt("email", () -> EmailAddress.of(email));
        PlainPassword password1 = b.password(errors, "password1");
        PlainPassword password2 = b.password(errors, "password2");
        errors.throwIfAny();
        RegistrationResult result;
        try {
            result = register.register(new RegisterUserCommand(address, new Profile(username, "", "", null, null), password1,
                    password2, clientInfos.of(request), SignIn.START_SESSION));
        } catch (ValidationFailedException e) {
            throw new DrfError(DrfErrors.fields(e.errors(), REGISTER_FIELDS, REGISTER_WORDING));
        }
        return switch (result) {
            case RegistrationResult.Registered r -> HttpResponse.created(DjRestAuthDtos.Registered.from(r.authenticated()));
            case RegistrationResult.PendingVerification p -> HttpResponse.created(new Detail("Verification e-mail sent."));
        };
    }

    /** Confirms the address with the key from the mail. Unlike Gatehouse's own API it does not log in. */
    @Post("/registration/verify-email/")
    @Operation(operationId = "djRestAuthRegistrationVerifyEmail", summary = "Confirm an email address (dj-rest-auth VerifyEmailView)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.VerifyEmailRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Detail.class)))
    @ApiResponse(responseCode = "404", description = "Body: {\"detail\": \"Not found.\"}: unknown, used, expired or superseded key")
    public Detail registrationVerifyEmail(@Body @Nullable Object body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String key = LenientBody.of(body, request).required(errors, "key");
        errors.throwIfAny();
        try {
            // Unlike Gatehouse's own API, dj-rest-auth does not log in here: no session is opened.
            verifyEmail.verifyEmail(new VerifyEmailCommand(key, clientInfos.of(request), SignIn.NO_SESSION));
        } catch (TokenNotValidException e) {
            throw new DrfError(DrfErrors.detail(HttpStatus.NOT_FOUND, DrfErrors.NOT_FOUND));
        }
        return new Detail("ok");
    }

    /** The same answer for every address; an unverified account gets a new link. */
    @Post("/registration/resend-email/")
    @Operation(operationId = "djRestAuthRegistrationResendEmail",
            summary = "Send the verification mail again (dj-rest-auth ResendEmailVerificationView)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DjRestAuthDtos.EmailRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Detail.class)))
    public Detail registrationResendEmail(@Body @Nullable Object body, HttpRequest<?> request) {
        resend.resendVerification(email(LenientBody.of(body, request)), clientInfos.of(request));
        return new Detail("ok");
    }


    /** simplejwt tells an access token sent to the refresh view by its type claim; ours are told by being a live JWT. */
    private boolean isLiveAccessToken(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return false;
        }
        try {
            authenticate.authenticate(token);
            return true;
        } catch (GatehouseException e) {
            return false;
        }
    }

    private static EmailAddress email(LenientBody b) {
        FieldErrors errors = new FieldErrors();
        String raw = b.required(errors, "email");
        EmailAddress address = raw == null ? null : errors.attempt("email", () -> EmailAddress.of(raw));
        errors.throwIfAny();
        return address;
    }
}
