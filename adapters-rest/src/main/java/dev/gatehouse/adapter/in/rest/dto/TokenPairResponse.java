package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.adapter.in.rest.CarriesRefreshToken;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TokenPair", description = "An access token and a refresh token. The refresh token is shown once; store it safely.")
public record TokenPairResponse(
        @Schema(description = "ES256 JWT, header typ at+jwt") String access,
        @Schema(description = "Opaque, 256 bits; every use rotates it. In cookie mode (AUTH_COOKIE_MODE) \"\": the token is in the HttpOnly cookie") String refresh,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("access_expires_at") String accessExpiresAt,
        @JsonProperty("refresh_expires_at") String refreshExpiresAt,
        @Schema(description = "Omitted on refresh", nullable = true) UserResponse user,
        @Schema(description = "Registration only: the access token again, under the name seed-000 clients read", nullable = true)
        String token) implements CarriesRefreshToken {

    @Override
    public Instant refreshExpiry() {
        return refreshExpiresAt == null ? null : Instant.parse(refreshExpiresAt);
    }

    /** Cookie mode: the refresh token went into the HttpOnly cookie. */
    @Override
    public TokenPairResponse hidingRefresh() {
        return new TokenPairResponse(access, "", tokenType, accessExpiresAt, refreshExpiresAt, user, token);
    }

    public static TokenPairResponse withUser(AuthenticatedUser authenticated) {
        return of(authenticated, true);
    }

    public static TokenPairResponse withoutUser(AuthenticatedUser authenticated) {
        return of(authenticated, false);
    }

    /** Registration's answer: the pair, the user, and the access token once more as {@code token}. */
    public static TokenPairResponse registered(AuthenticatedUser authenticated) {
        TokenPairResponse pair = of(authenticated, true);
        return new TokenPairResponse(pair.access(), pair.refresh(), pair.tokenType(), pair.accessExpiresAt(), pair.refreshExpiresAt(),
                pair.user(), pair.access());
    }

    private static TokenPairResponse of(AuthenticatedUser a, boolean includeUser) {
        return new TokenPairResponse(a.tokens().access(), a.tokens().refresh(), "Bearer",
                Rfc3339.format(a.tokens().accessExpiresAt()), Rfc3339.format(a.tokens().refreshExpiresAt()),
                includeUser ? UserResponse.from(a.user()) : null, null);
    }
}
