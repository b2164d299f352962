package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.adapter.in.rest.CarriesRefreshToken;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Bodies of the dj-rest-auth dialect, named as dj-rest-auth names them. */
public final class DjRestAuthDtos {
    private DjRestAuthDtos() {
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "DjRestAuthUser", description = "dj-rest-auth's UserDetailsSerializer. `pk` is the Gatehouse user id (a UUID, "
            + "not an integer). `email` is read-only. A user without a username shows \"\".")
    public record DjUser(String pk, String username, String email,
                         @JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName) {
        static DjUser from(User user) {
            return new DjUser(user.id().toString(), user.username() == null ? "" : user.username().value(), user.email().value(),
                    user.profile().firstName(), user.profile().lastName());
        }
    }

    // "refresh": "" in cookie mode must be written: the default leaves empty strings out.
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Serdeable
    @Schema(name = "DjRestAuthLogin", description = "dj-rest-auth's JWT login answer (JWT_AUTH_RETURN_EXPIRATION on, tokens "
            + "in the body rather than in cookies). The refresh token is opaque, not a JWT.")
    public record Login(String access, String refresh, DjUser user,
                        @JsonProperty("access_expiration") String accessExpiration,
                        @JsonProperty("refresh_expiration") String refreshExpiration) implements CarriesRefreshToken {
        @Override
        public Instant refreshExpiry() {
            return refreshExpiration == null ? null : Instant.parse(refreshExpiration);
        }

        /** dj-rest-auth with JWT_AUTH_HTTPONLY: {@code "refresh": ""}, the token is in the cookie. */
        @Override
        public Login hidingRefresh() {
            return new Login(access, "", user, accessExpiration, refreshExpiration);
        }

        static Login from(AuthenticatedUser a) {
            IssuedTokens t = a.tokens();
            return new Login(t.access(), t.refresh(), DjUser.from(a.user()), time(t.accessExpiresAt()), time(t.refreshExpiresAt()));
        }
    }

    /** dj-rest-auth's RegisterView answer: tokens and the user, without the expirations its login view adds. */
    // "refresh": "" in cookie mode must be written: the default leaves empty strings out.
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Serdeable
    @Schema(name = "DjRestAuthRegistered", description = "dj-rest-auth's RegisterView answer with JWT: `access`, `refresh` "
            + "and the user (no expirations, unlike login).")
    public record Registered(String access, String refresh, DjUser user) implements CarriesRefreshToken {
        @Override
        public Instant refreshExpiry() {
            return null;
        }

        @Override
        public Registered hidingRefresh() {
            return new Registered(access, "", user);
        }

        static Registered from(AuthenticatedUser a) {
            return new Registered(a.tokens().access(), a.tokens().refresh(), DjUser.from(a.user()));
        }
    }

    // "refresh": "" in cookie mode must be written: the default leaves empty strings out.
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Serdeable
    @Schema(name = "DjRestAuthRefresh", description = "simplejwt's refresh answer with ROTATE_REFRESH_TOKENS on: the presented "
            + "refresh token is spent, `refresh` is its successor and must be stored.")
    public record Refreshed(String access, String refresh,
                            @JsonProperty("access_expiration") String accessExpiration,
                            @JsonProperty("refresh_expiration") String refreshExpiration) implements CarriesRefreshToken {
        @Override
        public Instant refreshExpiry() {
            return refreshExpiration == null ? null : Instant.parse(refreshExpiration);
        }

        @Override
        public Refreshed hidingRefresh() {
            return new Refreshed(access, "", accessExpiration, refreshExpiration);
        }

        static Refreshed from(AuthenticatedUser a) {
            IssuedTokens t = a.tokens();
            return new Refreshed(t.access(), t.refresh(), time(t.accessExpiresAt()), time(t.refreshExpiresAt()));
        }
    }

    @Serdeable
    @Schema(name = "DjRestAuthDetail")
    public record Detail(String detail) {
    }

    // Request bodies, for the OpenAPI document only: the endpoints read a lenient JSON object (unknown fields are ignored).

    @Serdeable
    @Schema(name = "DjRestAuthLoginRequest", description = "`email` or `username` (email wins when both are given), and `password`.")
    public record LoginRequest(@Nullable String username, @Nullable String email,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String password) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthRefreshRequest")
    public record RefreshRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String refresh) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthTokenVerifyRequest")
    public record TokenVerifyRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthEmailRequest")
    public record EmailRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthPasswordResetConfirmRequest", description = "`uid` and `token` come from the mailed link "
            + "(AUTH_LINK_RESET_PATH with {uid} and {token}).")
    public record PasswordResetConfirmRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String uid,
                                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token,
                                              @JsonProperty("new_password1") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String newPassword1,
                                              @JsonProperty("new_password2") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String newPassword2) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthPasswordChangeRequest")
    public record PasswordChangeRequest(@JsonProperty("old_password") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String oldPassword,
                                        @JsonProperty("new_password1") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String newPassword1,
                                        @JsonProperty("new_password2") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String newPassword2) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthUserUpdateRequest", description = "PUT needs `username`; PATCH takes any of the fields. "
            + "`pk` and `email` are read-only and ignored, as are unknown fields.")
    public record UserUpdateRequest(@Nullable String username, @JsonProperty("first_name") @Nullable String firstName,
                                    @JsonProperty("last_name") @Nullable String lastName) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthRegisterRequest", description = "`password2` must equal `password1`. `username` is optional.")
    public record RegisterRequest(@Nullable String username,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String password1,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String password2) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthVerifyEmailRequest", description = "`key`: the token from the mailed link (AUTH_LINK_VERIFY_PATH).")
    public record VerifyEmailRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String key) {
    }
}
