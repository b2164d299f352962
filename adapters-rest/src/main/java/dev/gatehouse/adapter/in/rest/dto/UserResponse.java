package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.domain.user.User;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "User")
public record UserResponse(
        String id,
        String email,
        @Schema(nullable = true) String username,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("phone_number") @Schema(nullable = true) String phoneNumber,
        @Schema(nullable = true) String avatar,
        @Schema(type = "string", allowableValues = {"viewer", "admin"}) String role,
        @JsonProperty("is_active") boolean isActive,
        @JsonProperty("email_verified") boolean emailVerified,
        @JsonProperty("date_joined") String dateJoined,
        @JsonProperty("last_login") @Schema(nullable = true) String lastLogin,
        @Schema(description = "When the account was created (the same instant as date_joined, under the name seed-000 clients read)")
        String created,
        @Schema(description = "When the account was last written (a login, a profile or password change, a verification)")
        String updated) {

    public static UserResponse from(User user) {
        return new UserResponse(user.id().toString(), user.email().value(),
                user.username() == null ? null : user.username().value(), user.profile().firstName(),
                user.profile().lastName(), user.profile().phoneNumber(), user.profile().avatar(), user.role().code(),
                user.isActive(), user.isEmailVerified(), Rfc3339.format(user.dateJoined()), Rfc3339.format(user.lastLogin()),
                Rfc3339.format(user.dateJoined()), Rfc3339.format(user.updatedAt()));
    }
}
