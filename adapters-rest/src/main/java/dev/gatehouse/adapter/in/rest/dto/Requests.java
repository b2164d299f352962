package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Request bodies. Every field is nullable here so that a missing field is reported as a field
 * error ("This field is required.") rather than as an unreadable body; unknown fields are refused
 * by the JSON reader (micronaut.serde.deserialization.ignore-unknown=false).
 */
public final class Requests {
    private Requests() {
    }

    @Serdeable
    @Schema(name = "RegisterRequest")
    public record Register(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254) @Nullable String email,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "At most 1,024 bytes (UTF-8, after NFC normalisation)") @Nullable String password,
            @Schema(maxLength = 150) @Nullable String username,
            @JsonProperty("first_name") @Schema(maxLength = 150) @Nullable String firstName,
            @JsonProperty("last_name") @Schema(maxLength = 150) @Nullable String lastName,
            @JsonProperty("confirm_password") @Nullable String confirmPassword) {
    }

    @Serdeable
    @Schema(name = "LoginRequest", description = "Give `email`, `username` or `login` (either), and `password`.")
    public record Login(@Nullable String email, @Nullable String username, @Nullable String login,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String password) {
    }

    @Serdeable
    @Schema(name = "RefreshRequest")
    public record Refresh(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String refresh) {
    }

    @Serdeable
    @Schema(name = "LogoutRequest", description = "`refresh` ends that session; `all: true` (with a Bearer token) ends every session of the caller.")
    public record Logout(@Nullable String refresh,
                         @Schema(type = "boolean", implementation = Boolean.class) @Nullable Object all) {
    }

    @Serdeable
    @Schema(name = "TokenVerifyRequest")
    public record TokenVerify(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String token) {
    }

    @Serdeable
    @Schema(name = "PasswordChangeRequest")
    public record PasswordChange(
            @JsonProperty("old_password") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String oldPassword,
            @JsonProperty("new_password") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String newPassword,
            @JsonProperty("confirm_password") @Nullable String confirmPassword) {
    }

    @Serdeable
    @Schema(name = "ProfileUpdateRequest", description = "PUT replaces these fields (absent ones are cleared), PATCH changes only those sent. "
            + "Read-only fields (id, email, role, is_active, email_verified, date_joined, last_login) sent with their current value are ignored; "
            + "with another value they are a 400 naming the field. Unknown fields are a 400.")
    public record ProfileUpdate(@Schema(nullable = true, maxLength = 150) String username,
                                @JsonProperty("first_name") @Schema(maxLength = 150) String firstName,
                                @JsonProperty("last_name") @Schema(maxLength = 150) String lastName,
                                @JsonProperty("phone_number") @Schema(nullable = true, maxLength = 32) String phoneNumber,
                                @Schema(nullable = true, maxLength = 2048) String avatar) {
    }

    @Serdeable
    @Schema(name = "TokenRequest")
    public record Token(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String token) {
    }

    @Serdeable
    @Schema(name = "DeleteAccountRequest", description = "`password`, or, for an account with an authenticator app, `code` "
            + "(the app's code or a recovery code) instead.")
    public record DeleteAccount(@Nullable String password, @Nullable String code) {
    }

    @Serdeable
    @Schema(name = "EmailChangeRequest")
    public record EmailChange(@JsonProperty("new_email") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254)
                              @Nullable String newEmail,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String password) {
    }

    @Serdeable
    @Schema(name = "EmailRequest")
    public record Email(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254) @Nullable String email) {
    }

    @Serdeable
    @Schema(name = "PasswordResetConfirmRequest")
    public record PasswordResetConfirm(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The token from the mailed link") @Nullable String token,
            @JsonProperty("new_password") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String newPassword,
            @JsonProperty("confirm_password") @Nullable String confirmPassword) {
    }
}
