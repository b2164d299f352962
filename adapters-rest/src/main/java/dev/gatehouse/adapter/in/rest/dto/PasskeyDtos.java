package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.PasskeyOptions;
import dev.gatehouse.domain.passkey.Passkey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;
import java.util.List;

/**
 * Passkey bodies. The ceremony options are WebAuthn's own JSON forms ({@code PublicKeyCredentialCreationOptionsJSON}
 * and {@code PublicKeyCredentialRequestOptionsJSON}: camelCase, binary values base64url without padding), so a page
 * passes them to {@code PublicKeyCredential.parseCreationOptionsFromJSON} / {@code parseRequestOptionsFromJSON}, or
 * decodes {@code challenge}, {@code user.id} and the credential ids itself, and hands them to {@code navigator.credentials}.
 */
public final class PasskeyDtos {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private PasskeyDtos() {
    }

    static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    @Serdeable
    public record RelyingParty(String id, String name) {
    }

    @Serdeable
    public record UserEntity(@Schema(description = "The user handle, base64url: 16 opaque bytes, never personal data") String id,
                             String name, String displayName) {
    }

    @Serdeable
    public record CredentialParameter(String type, int alg) {
    }

    @Serdeable
    public record CredentialDescriptor(String type, @Schema(description = "Credential id, base64url") String id) {
        static CredentialDescriptor of(byte[] id) {
            return new CredentialDescriptor("public-key", b64(id));
        }
    }

    @Serdeable
    public record AuthenticatorSelection(String residentKey, boolean requireResidentKey, String userVerification) {
    }

    @Serdeable
    public record Extensions(boolean credProps) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PasskeyCreationOptions", description = "WebAuthn PublicKeyCredentialCreationOptionsJSON. The challenge "
            + "identifies the ceremony: it is single use and expires after `timeout` milliseconds.")
    public record CreationOptions(RelyingParty rp, UserEntity user, @Schema(description = "base64url") String challenge,
                                  List<CredentialParameter> pubKeyCredParams, long timeout,
                                  List<CredentialDescriptor> excludeCredentials, AuthenticatorSelection authenticatorSelection,
                                  String attestation, Extensions extensions) {
        public static CreationOptions from(PasskeyOptions.Creation o) {
            return new CreationOptions(new RelyingParty(o.rpId(), o.rpName()),
                    new UserEntity(b64(o.userHandle()), o.userName(), o.userDisplayName()), b64(o.challenge()),
                    PasskeyOptions.Creation.ALGORITHMS.stream().map(alg -> new CredentialParameter("public-key", alg)).toList(),
                    o.timeout().toMillis(), o.excludeCredentials().stream().map(CredentialDescriptor::of).toList(),
                    // Discoverable (usernameless sign-in) and user-verifying: a passkey is a complete sign-in by itself.
                    new AuthenticatorSelection("required", true, "required"), "none", new Extensions(true));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PasskeyRequestOptions", description = "WebAuthn PublicKeyCredentialRequestOptionsJSON. `allowCredentials` "
            + "is always empty: passkeys are discoverable, and the answer is the same whether or not an email has an account.")
    public record RequestOptions(@Schema(description = "base64url") String challenge, long timeout, String rpId,
                                 List<CredentialDescriptor> allowCredentials, String userVerification) {
        public static RequestOptions from(PasskeyOptions.Request o) {
            return new RequestOptions(b64(o.challenge()), o.timeout().toMillis(), o.rpId(),
                    o.allowCredentials().stream().map(CredentialDescriptor::of).toList(), "required");
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Passkey")
    public record PasskeyResponse(String id, String name, @JsonProperty("created_at") String createdAt,
                                  @JsonProperty("last_used_at") @Nullable String lastUsedAt,
                                  @JsonProperty("backup_eligible") boolean backupEligible,
                                  @JsonProperty("backed_up") boolean backedUp, List<String> transports) {
        public static PasskeyResponse from(Passkey p) {
            return new PasskeyResponse(p.id().toString(), p.name().value(), Rfc3339.format(p.createdAt()),
                    p.lastUsedAt() == null ? null : Rfc3339.format(p.lastUsedAt()), p.backupEligible(), p.backedUp(),
                    p.transports());
        }
    }

    @Serdeable
    @Schema(name = "PasskeyRegisterRequest")
    public record RegisterRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The browser's answer: PublicKeyCredential.toJSON() "
                    + "of navigator.credentials.create, as an object (or that JSON as a string)") @Nullable Object credential,
            @Schema(maxLength = 64, description = "Defaults to \"Passkey\"") @Nullable String name) {
    }

    @Serdeable
    @Schema(name = "PasskeyLoginOptionsRequest")
    public record LoginOptionsRequest(@Schema(description = "Sign in as this account only; omit for a usernameless sign-in")
                                      @Nullable String email) {
    }

    @Serdeable
    @Schema(name = "PasskeyLoginRequest")
    public record LoginRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "PublicKeyCredential.toJSON() of navigator.credentials.get")
            @Nullable Object credential) {
    }

    @Serdeable
    @Schema(name = "PasskeyRenameRequest")
    public record RenameRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) @Nullable String name) {
    }
}
