package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.AdminDtos;
import dev.gatehouse.adapter.in.rest.dto.UserResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.AdministerUsersUseCase;
import dev.gatehouse.application.port.in.DeleteAccountUseCase;
import dev.gatehouse.application.port.in.ManageSettingsUseCase;
import dev.gatehouse.application.port.in.ManageSettingsUseCase.Setting;
import dev.gatehouse.application.error.SettingsRejectedException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.QueryAuditUseCase;
import dev.gatehouse.application.port.in.RotateSigningKeyUseCase;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** The admin API: role {@code admin} only (anonymous 401, other roles 403). Pages start at 1. */
@Tag(name = "admin", description = "Users, audit log, signing keys and runtime settings (role admin)")
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public record AdminController(BearerAuthentication bearer, AdministerUsersUseCase users, QueryAuditUseCase audit,
                              RotateSigningKeyUseCase keys, ManageSettingsUseCase settings,
                              DeleteAccountUseCase deleteAccount) {

    private static final Set<String> USER_FIELDS = Set.of("is_active", "role", "email_verified");

    /** Users whose email or username contains {@code query}, newest first. */
    @Get("/users")
    @Operation(summary = "Search users", security = @SecurityRequirement(name = "bearer"))
    public AdminDtos.UserPage searchUsers(@QueryValue @Nullable String query, @QueryValue @Nullable String page,
                                          @QueryValue @Nullable String size, HttpRequest<?> request) {
        Principal admin = bearer.require(request);
        AdministerUsersUseCase.UserPage found = users.search(admin, query, pageOf(page) - 1, sizeOf(size));
        return new AdminDtos.UserPage(found.items().stream().map(UserResponse::from).toList(), found.page() + 1, found.size(),
                found.total());
    }

    @Get("/users/{id}")
    @Operation(summary = "View a user", security = @SecurityRequirement(name = "bearer"))
    public UserResponse getUser(@PathVariable String id, HttpRequest<?> request) {
        return UserResponse.from(users.get(bearer.require(request), userId(id)));
    }

    /** Sets {@code is_active}, {@code role} and/or {@code email_verified}. Deactivation revokes every session. */
    @Patch("/users/{id}")
    @Operation(summary = "Change a user", security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(example = "{\"is_active\": false, \"role\": \"admin\", \"email_verified\": true}")))
    public UserResponse updateUser(@PathVariable String id, @Body @Nullable Map<String, Object> body, HttpRequest<?> request) {
        Principal admin = bearer.require(request);
        if (body == null) {
            throw ValidationFailedException.of("non_field_errors", "Expected a JSON object.");
        }
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !USER_FIELDS.contains(k)).forEach(k -> errors.add(LogSafe.escape(k, 64), "Unknown field."));
        Boolean active = bool(errors, body, "is_active");
        Boolean verified = bool(errors, body, "email_verified");
        Role role = null;
        if (body.containsKey("role")) {
            if (body.get("role") instanceof String code) {
                role = errors.attempt("role", () -> Role.fromCode(code));
            } else {
                errors.add("role", "Not a valid string.");
            }
        }
        errors.throwIfAny();
        return UserResponse.from(users.update(admin, userId(id), new AdministerUsersUseCase.UserChanges(active, role, verified)));
    }

    /** Erasure, as DELETE /api/auth/me does it; audited with the administrator as actor. */
    @Delete("/users/{id}")
    @Operation(summary = "Delete a user (erasure)", security = @SecurityRequirement(name = "bearer"))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Deleted")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "last_admin",
            content = @Content(mediaType = "application/problem+json"))
    public io.micronaut.http.HttpResponse<Void> deleteUser(@PathVariable String id, HttpRequest<?> request) {
        deleteAccount.deleteAccount(bearer.require(request), userId(id));
        return io.micronaut.http.HttpResponse.noContent();
    }

    @Post("/users/{id}/logout")
    @Operation(summary = "Revoke every session of a user", security = @SecurityRequirement(name = "bearer"))
    public AdminDtos.LoggedOut logoutUser(@PathVariable String id, HttpRequest<?> request) {
        int revoked = users.logOutEverywhere(bearer.require(request), userId(id));
        return new AdminDtos.LoggedOut("Every session of the user has been revoked.", revoked);
    }

    /** Security events, newest first; filter by user id and/or type (e.g. login_failure). */
    @Get("/audit")
    @Operation(summary = "Query the audit log", security = @SecurityRequirement(name = "bearer"))
    public AdminDtos.AuditPage audit(@QueryValue @Nullable String user, @QueryValue @Nullable String type,
                                     @QueryValue @Nullable String page, @QueryValue @Nullable String size,
                                     HttpRequest<?> request) {
        Principal admin = bearer.require(request);
        FieldErrors errors = new FieldErrors();
        UserId userId = null;
        if (user != null && !user.isBlank()) {
            userId = errors.attempt("user", () -> parseUserId(user));
        }
        AuditEvent.Type eventType = null;
        if (type != null && !type.isBlank()) {
            eventType = errors.attempt("type", () -> {
                try {
                    return AuditEvent.Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException("Unknown event type.");
                }
            });
        }
        errors.throwIfAny();
        QueryAuditUseCase.AuditPage found = audit.query(admin, userId, eventType, pageOf(page) - 1, sizeOf(size));
        return new AdminDtos.AuditPage(found.items().stream().map(AdminDtos.AuditEventResponse::from).toList(), found.page() + 1,
                found.size(), found.total());
    }

    /** A new signing key signs from now on; the previous one stays in the JWKS until its tokens have expired. */
    @Post("/keys/rotate")
    @Operation(summary = "Rotate the signing key", security = @SecurityRequirement(name = "bearer"))
    public AdminDtos.KeyRotated rotateKey(HttpRequest<?> request) {
        return new AdminDtos.KeyRotated(keys.rotateSigningKey(bearer.require(request)));
    }

    @Get("/settings")
    @Operation(summary = "Runtime settings", security = @SecurityRequirement(name = "bearer"))
    public AdminDtos.SettingsResponse getSettings(HttpRequest<?> request) {
        return AdminDtos.SettingsResponse.from(settings.get(bearer.require(request)));
    }

    /** Replaces the runtime settings: every setting is required; each value is checked against its bounds. */
    @Put("/settings")
    @Operation(summary = "Replace the runtime settings", security = @SecurityRequirement(name = "bearer"),
            description = "Every setting is required. With `version` (as read from GET), the write is refused with 409 "
                    + "`version_conflict` if the settings changed since.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AdminDtos.SettingsResponse.class)))
    @ApiResponse(responseCode = "409", description = "version_conflict", content = @Content(mediaType = "application/problem+json"))
    public AdminDtos.SettingsResponse putSettings(@Body @Nullable Map<String, Object> body, HttpRequest<?> request) {
        return writeSettings(request, body, true);
    }

    /** Changes some runtime settings: the ones sent, and within rate_limits the limits sent; the rest keep their values. */
    @Patch("/settings")
    @Operation(summary = "Change some runtime settings", security = @SecurityRequirement(name = "bearer"),
            description = "Only the settings sent change (also within `rate_limits`). With `version`, a write over newer "
                    + "settings is refused with 409 `version_conflict`.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AdminDtos.SettingsResponse.class)))
    @ApiResponse(responseCode = "409", description = "version_conflict", content = @Content(mediaType = "application/problem+json"))
    public AdminDtos.SettingsResponse patchSettings(@Body @Nullable Map<String, Object> body, HttpRequest<?> request) {
        return writeSettings(request, body, false);
    }

    private static final Map<Setting, String> SETTING_FIELDS = Map.of(Setting.ACCESS_TOKEN_TTL, "access_token_ttl",
            Setting.REFRESH_TOKEN_TTL, "refresh_token_ttl", Setting.REFRESH_REUSE_GRACE, "refresh_reuse_grace",
            Setting.VERIFICATION_MODE, "verification_mode", Setting.PASSWORD_MIN_LENGTH, "password_min_length",
            Setting.RATE_LIMITS, "rate_limits");

    private AdminDtos.SettingsResponse writeSettings(HttpRequest<?> request, Map<String, Object> body, boolean replace) {
        Principal admin = bearer.require(request);
        if (body == null) {
            throw ValidationFailedException.of("non_field_errors", "Expected a JSON object.");
        }
        FieldErrors errors = new FieldErrors();
        Set<String> known = Set.of("access_token_ttl", "refresh_token_ttl", "refresh_reuse_grace", "verification_mode",
                "password_min_length", "rate_limits", "version", "updated_at");
        body.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> errors.add(LogSafe.escape(k, 64), "Unknown field."));
        Duration access = duration(errors, body, "access_token_ttl", replace);
        Duration refresh = duration(errors, body, "refresh_token_ttl", replace);
        Duration grace = duration(errors, body, "refresh_reuse_grace", replace);
        VerificationMode mode = null;
        if (body.containsKey("verification_mode") || replace) {
            if (!(body.get("verification_mode") instanceof String m)) {
                errors.add("verification_mode", body.containsKey("verification_mode") ? "Not a valid string." : Fields.REQUIRED);
            } else {
                mode = errors.attempt("verification_mode", () -> {
                    try {
                        return VerificationMode.parse(m);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidValueException("Must be none, optional or mandatory.");
                    }
                });
            }
        }
        Integer minLength = integer(errors, body, "password_min_length", replace);
        ManageSettingsUseCase.RateLimitsChange limits = null;
        if (body.containsKey("rate_limits") || replace) {
            if (!(body.get("rate_limits") instanceof Map<?, ?> raw)) {
                errors.add("rate_limits", body.containsKey("rate_limits") ? "Expected an object." : Fields.REQUIRED);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> l = (Map<String, Object>) raw;
                FieldErrors inner = new FieldErrors();
                Set<String> knownLimits = Set.of("login_max_failures", "lockout", "login_per_address_per_minute",
                        "mail_per_address_per_hour", "mail_per_client_per_hour", "token_guesses_per_client_per_hour",
                        "registrations_per_client_per_hour");
                l.keySet().stream().filter(k -> !knownLimits.contains(k)).forEach(k -> inner.add(LogSafe.escape(k, 64), "Unknown field."));
                limits = new ManageSettingsUseCase.RateLimitsChange(integer(inner, l, "login_max_failures", replace),
                        duration(inner, l, "lockout", replace), integer(inner, l, "login_per_address_per_minute", replace),
                        integer(inner, l, "mail_per_address_per_hour", replace), integer(inner, l, "mail_per_client_per_hour", replace),
                        integer(inner, l, "token_guesses_per_client_per_hour", replace),
                        integer(inner, l, "registrations_per_client_per_hour", replace));
                inner.toException().errors().forEach((field, messages) -> errors.addAll("rate_limits." + field, messages));
            }
        }
        OptionalLong version = OptionalLong.empty();
        if (body.get("version") != null) {
            Integer v = integer(errors, body, "version", true);
            version = v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }
        errors.throwIfAny();
        var change = new ManageSettingsUseCase.SettingsChange(access, refresh, grace, mode, minLength, limits);
        try {
            return AdminDtos.SettingsResponse.from(settings.update(admin, change, version));
        } catch (SettingsRejectedException rejected) {
            FieldErrors bounds = new FieldErrors();
            rejected.problems().forEach((setting, message) -> bounds.add(SETTING_FIELDS.get(setting), message));
            throw bounds.toException();
        }
    }

    private static Boolean bool(FieldErrors errors, Map<String, Object> body, String field) {
        if (!body.containsKey(field)) {
            return null;
        }
        if (body.get(field) instanceof Boolean b) {
            return b;
        }
        errors.add(field, "Must be a valid boolean.");
        return null;
    }

    /** The field as an int; absent is an error only when {@code required} (PATCH leaves it unchanged). */
    private static Integer integer(FieldErrors errors, Map<String, Object> body, String field, boolean required) {
        if (!required && !body.containsKey(field)) {
            return null;
        }
        Object value = body.get(field);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long v = ((Number) value).longValue();
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        }
        errors.add(field, value == null ? Fields.REQUIRED : "A valid integer is required.");
        return null;
    }

    private static Duration duration(FieldErrors errors, Map<String, Object> body, String field, boolean required) {
        if (!required && !body.containsKey(field)) {
            return null;
        }
        if (body.get(field) instanceof String s) {
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                errors.add(field, "Use an ISO 8601 duration such as PT5M.");
                return null;
            }
        }
        errors.add(field, body.get(field) == null ? Fields.REQUIRED : "Use an ISO 8601 duration such as PT5M.");
        return null;
    }

    private static UserId userId(String id) {
        try {
            return parseUserId(id);
        } catch (InvalidValueException e) {
            throw new NotFoundException("User");
        }
    }

    private static UserId parseUserId(String id) {
        try {
            if (id.length() == 36) {
                return new UserId(UUID.fromString(id));
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw new InvalidValueException("Not a valid user id.");
    }

    private static int pageOf(String page) {
        return positive("page", page, 1, Integer.MAX_VALUE / 200);
    }

    private static int sizeOf(String size) {
        return positive("size", size, 20, 100);
    }

    private static int positive(String field, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ValidationFailedException.of(field, "Must be a whole number between 1 and " + max + ".");
    }
}
