package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Bodies of dj-rest-auth's MFA views (its dj_rest_auth.mfa package), as its serializers write them. */
public final class DjRestAuthMfaDtos {
    private DjRestAuthMfaDtos() {
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Serdeable
    @Schema(name = "DjRestAuthMfaRequired", description = "MFALoginView with MFA on: no tokens yet; POST `ephemeral_token` and a "
            + "code to mfa/verify/.")
    public record MfaRequired(@JsonProperty("ephemeral_token") String ephemeralToken, @JsonProperty("mfa_required") boolean mfaRequired) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthMfaVerifyRequest")
    public record VerifyRequest(@JsonProperty("ephemeral_token") String ephemeralToken, String code) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthTotpActivateInit", description = "TOTPActivateInitSerializer: `qr_code_data_uri` is an SVG data URI.")
    public record ActivateInit(String secret, @JsonProperty("totp_url") String totpUrl,
                               @JsonProperty("qr_code_data_uri") String qrCodeDataUri,
                               @JsonProperty("activation_token") String activationToken) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthTotpActivateRequest")
    public record ActivateRequest(@JsonProperty("activation_token") String activationToken, String code) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthRecoveryCodesActivated")
    public record Activated(@JsonProperty("recovery_codes") List<String> recoveryCodes) {
    }

    @Serdeable
    @Schema(name = "DjRestAuthMfaCodeRequest")
    public record CodeRequest(String code) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "DjRestAuthMfaStatus", description = "MFAStatusSerializer")
    public record Status(@JsonProperty("mfa_enabled") boolean mfaEnabled, @JsonProperty("created_at") String createdAt,
                         @JsonProperty("last_used_at") String lastUsedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "DjRestAuthRecoveryCodes", description = "RecoveryCodesSerializer. Gatehouse keeps only hashes of recovery "
            + "codes, so GET mfa/recovery-codes/ lists none (`codes: []`) and says how many are left in `remaining`; the codes "
            + "themselves are shown once, by activate and regenerate.")
    public record RecoveryCodes(List<String> codes, @JsonInclude(JsonInclude.Include.NON_NULL) Integer remaining) {
    }
}
