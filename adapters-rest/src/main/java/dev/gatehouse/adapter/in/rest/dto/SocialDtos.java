package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.domain.identity.ExternalIdentity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request and response bodies of social login and linked identities. */
public final class SocialDtos {
    private SocialDtos() {
    }

    @Serdeable
    @Schema(name = "SocialCodeRequest", description = "The one-time `code` the browser flow put in the redirect to `redirect_to`, "
            + "and the `code_verifier` when the flow was started with a `code_challenge`.")
    public record CodeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String code,
                              @JsonProperty("code_verifier") @Nullable String codeVerifier) {
    }

    @Serdeable
    @Schema(name = "IdTokenRequest", description = "An id_token a native app got from the provider (Google, Apple sign-in), "
            + "and the nonce the app asked for. `access_token` is accepted beside it and not needed.")
    public record IdTokenRequest(@JsonProperty("id_token") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String idToken,
                                 @Nullable String nonce,
                                 @JsonProperty("access_token") @Nullable String accessToken) {
    }

    @Serdeable
    @Schema(name = "ConnectRequest", description = "One of: `code` (from a browser flow started with `intent=connect`) or "
            + "`id_token` (with its `nonce`, from a native app).")
    public record ConnectRequest(@Nullable String code, @JsonProperty("code_verifier") @Nullable String codeVerifier,
                                 @JsonProperty("id_token") @Nullable String idToken, @Nullable String nonce) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Identity", description = "An account at an outside identity provider linked to the caller's account.")
    public record IdentityResponse(String id, String provider, @Schema(description = "The provider's id for the person") String subject,
                                   @Schema(nullable = true, description = "What the provider last said; never used to match") String email,
                                   @JsonProperty("created_at") String createdAt,
                                   @JsonProperty("last_login") @Schema(nullable = true) String lastLogin) {
        public static IdentityResponse from(ExternalIdentity identity) {
            return new IdentityResponse(identity.id().toString(), identity.provider(), identity.subject(),
                    identity.email() == null ? null : identity.email().value(), Rfc3339.format(identity.createdAt()),
                    identity.lastLogin() == null ? null : Rfc3339.format(identity.lastLogin()));
        }
    }
}
