package dev.gatehouse.adapter.in.rest.compat.simple;

import dev.gatehouse.adapter.in.rest.dto.Rfc3339;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Bodies of the simple dialect. */
public final class SimpleDtos {
    private SimpleDtos() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SimpleUser", description = "`id` is the Gatehouse user id (a UUID).")
    public record SimpleUser(String id, @Schema(nullable = true) String username, String email) {
        static SimpleUser from(User user) {
            return new SimpleUser(user.id().toString(), user.username() == null ? null : user.username().value(), user.email().value());
        }
    }

    /** The user as the seed-000 backend's UserSerializer shows it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SimpleUserDetail", description = "The caller's own account, as `GET /api/user/{id}/` shows it.")
    public record UserDetail(String id, @Schema(nullable = true) String username, String email,
                             @JsonProperty("is_active") boolean isActive, String created, String updated) {
        static UserDetail from(User user) {
            return new UserDetail(user.id().toString(), user.username() == null ? null : user.username().value(),
                    user.email().value(), user.isActive(), Rfc3339.format(user.dateJoined()), Rfc3339.format(user.updatedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SimpleRegistered", description = "`id` and `email`; in verification mode mandatory only `email` and a `detail` "
            + "(the same answer for a taken address, so nobody learns which addresses have accounts).")
    public record Registered(@Schema(nullable = true) String id, String email, @Schema(nullable = true) String detail) {
    }

    @Serdeable
    @Schema(name = "SimpleTokens", description = "`refresh_token` is opaque and rotates on every refresh.")
    public record Tokens(@JsonProperty("access_token") String accessToken, @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("token_type") String tokenType) {
        static Tokens from(AuthenticatedUser a) {
            return new Tokens(a.tokens().access(), a.tokens().refresh(), "bearer");
        }
    }

    @Serdeable
    @Schema(name = "SimpleSuccess")
    public record Success(String success) {
    }

    // Request bodies, for the OpenAPI document only: the endpoints read a lenient object (unknown fields are ignored).

    @Serdeable
    @Schema(name = "SimpleRegisterRequest")
    public record RegisterRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String password,
                                  @Nullable String username) {
    }

    @Serdeable
    @Schema(name = "SimpleLoginRequest", description = "`email`, `username` or `login` (either), and `password`; as JSON or as an "
            + "OAuth2 password form (application/x-www-form-urlencoded, `username` and `password`).")
    public record LoginRequest(@Nullable String email, @Nullable String username, @Nullable String login,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String password) {
    }

    @Serdeable
    @Schema(name = "SimpleRefreshRequest")
    public record RefreshRequest(@JsonProperty("refresh_token") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String refreshToken) {
    }

    @Serdeable
    @Schema(name = "SimpleMeUpdateRequest", description = "`username` (letters, digits, inner spaces and @.+-_; null or \"\" "
            + "removes it). `email` cannot change here: sent with another value it is a 400.")
    public record MeUpdateRequest(@Nullable String username, @Nullable String email) {
    }
}
