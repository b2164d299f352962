package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.DetailResponse;
import dev.gatehouse.adapter.in.rest.dto.MfaDtos;
import dev.gatehouse.adapter.in.rest.dto.Requests;
import dev.gatehouse.adapter.in.rest.dto.TokenPairResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.ChangePasswordUseCase;
import dev.gatehouse.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
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
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.Username;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

@OpenAPIDefinition(info = @Info(title = "Gatehouse", version = "1",
        license = @License(name = "Apache-2.0"),
        description = """
                Gatehouse: sign-up, login, tokens and sessions as a service. The contract in prose: docs/http-api.md in the
                source repository; this document gives every route and field.

                Choices where the contract is silent:
                * Every error is `application/problem+json` (RFC 9457) with a stable `code`; field errors are under `errors`.
                * Request bodies refuse unknown fields (400 naming the field), wrong types (400), bodies over 64 KiB (413)
                  and content types other than JSON (415).
                * Login takes `login`, `email` or `username`; the first given in that order is used. It is looked up as an
                  email address first, then as a username, case-insensitively.
                * Registration logs the new user in (modes `none`/`optional`) and records that as the first login.
                * A missing or blank `username` at registration means no username. Blank `phone_number`/`avatar` mean none.
                * Refresh: a refresh token spent within the grace window returns the same successor (same refresh token,
                  new access token). If that successor has itself been spent already, the late copy gets 401
                  `token_not_valid` without revoking the session. Refresh tokens slide: each rotation gets the full lifetime.
                * Logout with an unknown, malformed or already-ended refresh token is a 200 (idempotent); the access token
                  is not needed unless `all` is true.
                * `DELETE /sessions/{id}` of a session that is not the caller's answers 404, exactly like an unknown id.
                * Passwords: at least 8 characters (configurable), at most 1,024 bytes, not a common password, not entirely
                  numeric, not too similar to the username, names or email (Django's rule, 0.7; docs/http-api.md).
                  Normalised to NFC before hashing (Argon2id).
                * Times are RFC 3339 UTC with whole seconds.
                * Abuse limits answer 429 `rate_limited` with `Retry-After` (seconds): login per client address per minute;
                  login per account after consecutive failures (lockout; unknown names lock exactly like accounts, and a
                  locked account can still reset its password); mail requests per address and per client per hour; token
                  guesses (verify-email, reset confirm) and registrations per client per hour. Limits are runtime settings.
                * The client address is the TCP peer; `X-Forwarded-For` counts only from a configured trusted proxy.
                * 503 `service_unavailable` with `Retry-After` (seconds): the database is unreachable, or password hashing
                  is saturated (AUTH_ARGON2_QUEUE_LIMIT): login, registration, password change and reset confirmation are
                  then refused at once, before any hashing and with nothing changed. `GET /health` stays 200 (liveness).
                * Verification and reset tokens that are unknown, used, expired or superseded answer 401 `token_not_valid`.
                  Only the newest link of each kind works; a password change kills every reset link issued before it.
                * Mailed links are `AUTH_LINK_BASE_URL + /verify-email?token=…` and `… + /password/reset/confirm?token=…`
                  (default base: the issuer's `/api/auth`, so the verification link works without a frontend). The paths
                  are `AUTH_LINK_VERIFY_PATH` and `AUTH_LINK_RESET_PATH`, with the placeholders `{token}` and `{uid}` (the
                  user id as unpadded base64url), so a frontend may own them. They are built from configuration only,
                  never from the request's Host header.
                * `verify-email/resend` and `password/reset` answer 202 with the same body for every address; a disabled
                  account receives no reset link. A successful reset also marks the address verified (the link proved it).
                * In `mandatory` mode a registration with a taken address answers exactly like a new one; the owner gets a
                  notice mail instead.
                * Multi-factor authentication (TOTP apps and recovery codes, tag `mfa`): with MFA on, login (and verify-email or
                  reset confirmation, which otherwise log in) answers `{mfa_required, mfa_token, methods}` and opens no session;
                  POST /api/auth/mfa/verify with the mfa_token and a code opens it, with `amr: ["pwd","otp"]` and `aal: "aal2"`.
                * Compatibility dialects, both off by default, let frontends written for other backends work unchanged:
                  `dj-rest-auth` at `/dj-rest-auth/…` (AUTH_COMPAT_DJ_REST_AUTH_ENABLED: Django's field names and trailing
                  slashes, DRF-shaped errors instead of problem+json, reset confirmation by `uid` + `token`, verify-email and
                  reset confirmation answer a detail instead of logging in) and `simple` at `/api/…`
                  (AUTH_COMPAT_SIMPLE_ENABLED: `access_token`/`refresh_token`, registration without tokens, problem+json
                  errors). They are other spellings of the same use cases: the same rules and limits apply, and refresh
                  always rotates. Their operations are under the tags `dj-rest-auth` and `simple`.
                * Standard OAuth 2.0 (tag `oauth`): `/oauth/token` (password and refresh_token grants for the public clients
                  of AUTH_OAUTH_CLIENTS), `/oauth/revoke` (RFC 7009), `/oauth/introspect` (RFC 7662, HTTP Basic) and
                  `/oauth/userinfo`; form-encoded requests, RFC 6749 §5.2 errors (`{"error": …}`), not problem+json.
                  Discovery at `/.well-known/openid-configuration` and `/.well-known/oauth-authorization-server`.
                * Cookie mode (AUTH_COOKIE_MODE=true, off by default): answers that hand out a refresh token put it in an
                  HttpOnly cookie and carry `"refresh": ""`; refresh and logout read the cookie when the body has none (the
                  body wins). A request carrying the cookie to refresh or logout needs `X-CSRF-Token` equal to the `csrf`
                  cookie and an allowed `Origin`, else 403 `csrf_failed`.
                """))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@Tag(name = "auth", description = "Registration, login, tokens and passwords")
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public record AuthController(RegisterUserUseCase register, LogInUseCase logIn, RefreshSessionUseCase refresh,
                             LogOutUseCase logOut, AuthenticateUseCase authenticate, ChangePasswordUseCase changePassword,
                             BearerAuthentication bearer, ClientInfos clientInfos, BrowserCookies cookies) {

    private static final String PASSWORD_SAVED = "New password has been saved.";
    private static final String LOGGED_OUT = "Successfully logged out.";
    private static final String CHECK_EMAIL = "Registration received. Please check your email to verify your address.";

    /** Creates an account. Modes none/optional: 201 with a token pair and the user. Mode mandatory: 201 with a detail only. */
    @Post("/register")
    @Operation(summary = "Register")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(oneOf = {TokenPairResponse.class, DetailResponse.class})))
    @ApiResponse(responseCode = "400", description = "validation_failed", content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<?> register(@Body Requests.Register body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String email = Fields.required(errors, "email", body.email());
        EmailAddress address = email == null ? null : errors.attempt("email", () -> EmailAddress.of(email));
        PlainPassword password = Fields.password(errors, "password", body.password());
        Username username = body.username() == null || body.username().isBlank() ? null
                : errors.attempt("username", () -> Username.of(body.username()));
        String firstName = errors.attempt("first_name", () -> Profile.name(body.firstName()));
        String lastName = errors.attempt("last_name", () -> Profile.name(body.lastName()));
        errors.throwIfAny();
        RegistrationResult result = register.register(new RegisterUserCommand(address,
                new Profile(username, firstName, lastName, null, null), password, Fields.optionalPassword(body.confirmPassword()),
                clientInfos.of(request), SignIn.START_SESSION));
        return switch (result) {
            case RegistrationResult.Registered r -> HttpResponse.status(HttpStatus.CREATED).body(TokenPairResponse.registered(r.authenticated()));
            case RegistrationResult.PendingVerification p -> HttpResponse.status(HttpStatus.CREATED).body(new DetailResponse(CHECK_EMAIL));
        };
    }

    /** Logs in by email or username. Unknown account and wrong password are the same 401. */
    @Post("/login")
    @Operation(summary = "Log in")
    @ApiResponse(responseCode = "200", description = "The token pair and the user; with MFA on, `{mfa_required, mfa_token, methods}` and no session",
            content = @Content(schema = @Schema(oneOf = {TokenPairResponse.class, MfaDtos.MfaRequired.class})))
    @ApiResponse(responseCode = "401", description = "invalid_credentials", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "account_disabled or email_not_verified (only after a correct password)", content = @Content(mediaType = "application/problem+json"))
    public Object login(@Body Requests.Login body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        String identifier = body.login() != null ? body.login() : body.email() != null ? body.email() : body.username();
        if (identifier == null || identifier.isBlank()) {
            errors.add("login", "Provide an email address or a username (as email, username or login).");
        }
        PlainPassword password = Fields.password(errors, "password", body.password());
        errors.throwIfAny();
        LogInResult result = logIn.logIn(new LogInCommand(identifier, password, clientInfos.of(request)));
        if (result instanceof LogInResult.MfaRequired pending) {
            return MfaDtos.MfaRequired.from(pending);
        }
        return TokenPairResponse.withUser(LogInResults.authenticatedOrThrow(result));
    }

    /** Rotates a refresh token: the presented one is spent, a new pair is returned (without the user). */
    @Post("/refresh")
    @Operation(summary = "Refresh tokens")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenPairResponse.class)))
    @ApiResponse(responseCode = "401", description = "token_not_valid, or token_reused (the session is revoked)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "csrf_failed (cookie mode: the refresh cookie came without the CSRF header or from another origin)", content = @Content(mediaType = "application/problem+json"))
    public TokenPairResponse refresh(@Body Requests.Refresh body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        // Cookie mode: the HttpOnly cookie's token when the body has none.
        String token = Fields.required(errors, "refresh", cookies.refreshToken(request, body.refresh()));
        errors.throwIfAny();
        return TokenPairResponse.withoutUser(refresh.refresh(token));
    }

    /** Ends the session of the refresh token, or with {@code all: true} and a Bearer token every session of the caller. */
    @Post("/logout")
    @Operation(summary = "Log out", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DetailResponse.class)))
    public DetailResponse logout(@Body Requests.Logout body, HttpRequest<?> request) {
        FieldErrors errors = new FieldErrors();
        boolean all = false;
        if (body.all() instanceof Boolean b) {
            all = b;
        } else if (body.all() != null) {
            errors.add("all", "Must be a valid boolean.");
        }
        String token = cookies.refreshToken(request, body.refresh());
        if (!all && token == null) {
            errors.add("refresh", Fields.REQUIRED);
        }
        errors.throwIfAny();
        Principal caller = all ? bearer.require(request) : null;
        logOut.logOut(new LogOutCommand(token, all, caller));
        cookies.clearOnResponse(request);
        return new DetailResponse(LOGGED_OUT);
    }

    /** 200 {} when the access token is valid and its session live; otherwise 401 token_not_valid. */
    @Post("/token/verify")
    @Operation(summary = "Verify an access token")
    @ApiResponse(responseCode = "200", description = "An empty JSON object, {}")
    @ApiResponse(responseCode = "401", description = "token_not_valid", content = @Content(mediaType = "application/problem+json"))
    public Map<String, Object> verify(@Body Requests.TokenVerify body) {
        FieldErrors errors = new FieldErrors();
        String token = Fields.required(errors, "token", body.token());
        errors.throwIfAny();
        authenticate.authenticate(token);
        return Map.of();
    }

    /** Changes the caller's password; every other session of the caller is revoked, this one stays. */
    @Post("/password/change")
    @Operation(summary = "Change password", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DetailResponse.class)))
    public DetailResponse changePassword(@Body Requests.PasswordChange body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        FieldErrors errors = new FieldErrors();
        PlainPassword oldPassword = Fields.password(errors, "old_password", body.oldPassword());
        PlainPassword newPassword = Fields.password(errors, "new_password", body.newPassword());
        errors.throwIfAny();
        changePassword.changePassword(new ChangePasswordCommand(caller, oldPassword, newPassword,
                Fields.optionalPassword(body.confirmPassword())));
        return new DetailResponse(PASSWORD_SAVED);
    }
}
