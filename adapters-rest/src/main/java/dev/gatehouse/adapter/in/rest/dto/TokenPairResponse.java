package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TokenPair", description = "An access token and a refresh token. The refresh token is shown once; store it safely.")
public record TokenPairResponse(
        @Schema(description = "ES256 JWT, header typ at+jwt") String access,
        @Schema(description = "Opaque, 256 bits; every use rotates it") String refresh,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("access_expires_at") String accessExpiresAt,
        @JsonProperty("refresh_expires_at") String refreshExpiresAt,
        @Schema(description = "Omitted on refresh", nullable = true) UserResponse user) {

    public static TokenPairResponse withUser(AuthenticatedUser authenticated) {
        return of(authenticated, true);
    }

    public static TokenPairResponse withoutUser(AuthenticatedUser authenticated) {
        return of(authenticated, false);
    }

    private static TokenPairResponse of(AuthenticatedUser a, boolean includeUser) {
        return new TokenPairResponse(a.tokens().access(), a.tokens().refresh(), "Bearer",
                Rfc3339.format(a.tokens().accessExpiresAt()), Rfc3339.format(a.tokens().refreshExpiresAt()),
                includeUser ? UserResponse.from(a.user()) : null);
    }
}
