package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.Requests;
import dev.gatehouse.adapter.in.rest.dto.UserResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.UpdateProfileUseCase;
import dev.gatehouse.application.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.Username;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.gatehouse.application.port.in.DeleteAccountUseCase;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The caller's own account. The body of PUT/PATCH is read as a plain JSON object so that "absent"
 * (PATCH keeps the value) and "null" (clears it) can be told apart, and so read-only fields can be
 * compared with their current values.
 */
@Tag(name = "auth")
@Controller("/api/auth/me")
@ExecuteOn(TaskExecutors.BLOCKING)
public record MeController(BearerAuthentication bearer, UpdateProfileUseCase updateProfile,
                           DeleteAccountUseCase deleteAccount) {

    private static final Set<String> EDITABLE = Set.of("username", "first_name", "last_name", "phone_number", "avatar");
    private static final Set<String> READ_ONLY = Set.of("id", "email", "role", "is_active", "email_verified", "date_joined", "last_login",
            "created", "updated");

    /** Erases the account: every session revoked, personal data gone, the address free to register again. */
    @Delete
    @Operation(summary = "Delete the current account (erasure)", security = @SecurityRequirement(name = "bearer"),
            description = "The password proves it is the account holder, or, for an account with an authenticator app, its code "
                    + "(or a recovery code); wrong passwords and codes count towards the per-account lockout.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Requests.DeleteAccount.class)))
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "invalid_credentials (wrong password) or not_authenticated",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "last_admin", content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<Void> delete(@Body @Nullable Requests.DeleteAccount body, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        FieldErrors errors = new FieldErrors();
        String code = body == null || body.code() == null || body.code().isBlank() ? null : body.code();
        if (code != null && body.password() == null) {
            if (code.length() > 64) {
                throw dev.gatehouse.application.error.ValidationFailedException.of("code", "Ensure this field has no more than 64 characters.");
            }
            deleteAccount.deleteOwnAccount(new DeleteAccountUseCase.DeleteOwnAccountCommand(caller, null, code));
            return HttpResponse.noContent();
        }
        PlainPassword password = Fields.password(errors, "password", body == null ? null : body.password());
        errors.throwIfAny();
        deleteAccount.deleteOwnAccount(new DeleteAccountUseCase.DeleteOwnAccountCommand(caller, password));
        return HttpResponse.noContent();
    }

    @Get
    @Operation(summary = "The current user", security = @SecurityRequirement(name = "bearer"))
    public UserResponse me(HttpRequest<?> request) {
        return UserResponse.from(bearer.require(request).user());
    }

    /** Replaces the editable fields; those not sent are cleared. */
    @Put
    @Operation(summary = "Replace the editable profile fields", security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = Requests.ProfileUpdate.class)))
    public UserResponse replace(@Body @Nullable Map<String, Object> body, HttpRequest<?> request) {
        return update(request, body, true);
    }

    /** Changes only the fields sent. */
    @Patch
    @Operation(summary = "Change some profile fields", security = @SecurityRequirement(name = "bearer"))
    @RequestBody(content = @Content(schema = @Schema(implementation = Requests.ProfileUpdate.class)))
    public UserResponse merge(@Body @Nullable Map<String, Object> body, HttpRequest<?> request) {
        return update(request, body, false);
    }

    private UserResponse update(HttpRequest<?> request, Map<String, Object> body, boolean replace) {
        Principal caller = bearer.require(request);
        if (body == null) {
            throw ValidationFailedException.of("non_field_errors", "Expected a JSON object.");
        }
        Profile current = caller.user().profile();
        UserResponse shown = UserResponse.from(caller.user());
        FieldErrors errors = new FieldErrors();
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            String field = entry.getKey();
            if (READ_ONLY.contains(field)) {
                if (!sameAsShown(field, entry.getValue(), shown)) {
                    errors.add(field, "This field is read-only.");
                }
            } else if (!EDITABLE.contains(field)) {
                errors.add(LogSafe.escape(field, 64), "Unknown field.");
            } else if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
                errors.add(field, "Not a valid string.");
            }
        }
        errors.throwIfAny();

        Username username = pick(body, "username", replace, current.username() == null ? null : current.username().value(),
                value -> value == null || value.isBlank() ? null : errors.attempt("username", () -> Username.of(value)));
        String firstName = pick(body, "first_name", replace, current.firstName(), value -> errors.attempt("first_name", () -> Profile.name(value)));
        String lastName = pick(body, "last_name", replace, current.lastName(), value -> errors.attempt("last_name", () -> Profile.name(value)));
        String phone = pick(body, "phone_number", replace, current.phoneNumber(), value -> errors.attempt("phone_number", () -> Profile.phoneNumber(value)));
        String avatar = pick(body, "avatar", replace, current.avatar(), value -> errors.attempt("avatar", () -> Profile.avatar(value)));
        errors.throwIfAny();
        return UserResponse.from(updateProfile.updateProfile(
                new UpdateProfileCommand(caller, new Profile(username, firstName, lastName, phone, avatar))));
    }

    /** The new value of a field: what was sent; else, for PATCH the current value, for PUT nothing. */
    private static <T> T pick(Map<String, Object> body, String field, boolean replace, String currentValue,
                              java.util.function.Function<String, T> parse) {
        if (body.containsKey(field)) {
            return parse.apply((String) body.get(field));
        }
        return parse.apply(replace ? null : currentValue);
    }

    private static boolean sameAsShown(String field, Object sent, UserResponse shown) {
        Object current = switch (field) {
            case "id" -> shown.id();
            case "email" -> shown.email();
            case "role" -> shown.role();
            case "is_active" -> shown.isActive();
            case "email_verified" -> shown.emailVerified();
            case "date_joined" -> shown.dateJoined();
            case "last_login" -> shown.lastLogin();
            case "created" -> shown.created();
            // Stamped by every write, a login included: an echo read a moment ago may be older, and is ignored.
            case "updated" -> sent;
            default -> throw new IllegalArgumentException(field);
        };
        if (Objects.equals(sent, current)) {
            return true;
        }
        // A client may echo a time with other precision: compare instants, not strings.
        if ((field.equals("date_joined") || field.equals("last_login") || field.equals("created")) && sent instanceof String s && current instanceof String c) {
            try {
                return Instant.parse(s).getEpochSecond() == Instant.parse(c).getEpochSecond();
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
