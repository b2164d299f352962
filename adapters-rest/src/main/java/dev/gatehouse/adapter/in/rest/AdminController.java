package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.AdminDtos;
import dev.gatehouse.adapter.in.rest.dto.UserResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.AdministerUsersUseCase;
import dev.gatehouse.application.port.in.DeleteAccountUseCase;
import dev.gatehouse.application.port.in.ManageSettingsUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.QueryAuditUseCase;
import dev.gatehouse.application.port.in.RotateSigningKeyUseCase;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.application.settings.Tunables;
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
import java.util.Locale;
import java.util.Map;
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

    /** Users whose email or username contains {@code query}, newest first unless {@code sort} says otherwise. */
    @Get("/users")
    @Operation(summary = "Search users", security = @SecurityRequirement(name = "bearer"),
            description = "`sort`: newest (default), oldest, email, last_login.")
    public AdminDtos.UserPage searchUsers(@QueryValue @Nullable String query, @QueryValue @Nullable String page,
                                          @QueryValue @Nullable String size, @QueryValue @Nullable String sort,
                                          HttpRequest<?> request) {
        Principal admin = bearer.require(request);
        AdministerUsersUseCase.UserPage found = users.search(admin, query, AdminParams.userSort(sort), AdminParams.page(page) - 1,
                AdminParams.size(size));
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

    /** Security events, newest first; filter by user id, type (e.g. login_failure) and time ({@code from}, {@code until}). */
    @Get("/audit")
    @Operation(summary = "Query the audit log", security = @SecurityRequirement(name = "bearer"),
            description = "`from` (inclusive) and `until` (exclusive): an RFC 3339 time, or a date for the start of that UTC day.")
    public AdminDtos.AuditPage audit(@QueryValue @Nullable String user, @QueryValue @Nullable String type,
                                     @QueryValue @Nullable String page, @QueryValue @Nullable String size,
                                     @QueryValue @Nullable String from, @QueryValue @Nullable String until,
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
        java.time.Instant since = errors.attempt("from", () -> AdminParams.instant(from));
        java.time.Instant before = errors.attempt("until", () -> AdminParams.instant(until));
        errors.throwIfAny();
        QueryAuditUseCase.AuditPage found = audit.query(admin, userId, eventType, since, before, AdminParams.page(page) - 1, AdminParams.size(size));
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

    private AdminDtos.SettingsResponse writeSettings(HttpRequest<?> request, Map<String, Object> body, boolean replace) {
        Principal admin = bearer.require(request);
        SettingsBody.Parsed parsed = SettingsBody.parse(body, replace);
        return AdminDtos.SettingsResponse.from(SettingsBody.apply(settings, admin, parsed));
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
}
