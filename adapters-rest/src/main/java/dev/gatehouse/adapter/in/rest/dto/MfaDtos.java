package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.GetMfaStatusUseCase.MfaStatus;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.SetUpTotpUseCase.TotpSetup;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Second-factor bodies of Gatehouse's own API. */
public final class MfaDtos {
    private MfaDtos() {
    }

    @Serdeable
    @Schema(name = "MfaRequired", description = "The password was right and the account has MFA on: no session yet. Send "
            + "`mfa_token` with a code to POST /api/auth/mfa/verify within 5 minutes (AUTH_MFA_CHALLENGE_TTL); it works once "
            + "and dies after 5 wrong codes.")
    public record MfaRequired(@JsonProperty("mfa_required") boolean mfaRequired,
                              @JsonProperty("mfa_token") @Schema(description = "Opaque, 256 bits") String mfaToken,
                              @Schema(description = "Kinds of code accepted: `totp`, `recovery_code`") List<String> methods) {
        public static MfaRequired from(LogInResult.MfaRequired pending) {
            return new MfaRequired(true, pending.mfaToken(), pending.methods());
        }
    }

    @Serdeable
    @Schema(name = "MfaVerifyRequest")
    public record Verify(@JsonProperty("mfa_token") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String mfaToken,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A 6-digit code from the app, or a recovery code")
                         @Nullable String code) {
    }

    @Serdeable
    @Schema(name = "MfaCodeRequest")
    public record Code(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A 6-digit code from the app") @Nullable String code) {
    }

    @Serdeable
    @Schema(name = "MfaDisableRequest", description = "A current code (from the app, or a recovery code) or the password.")
    public record Disable(@Nullable String code, @Nullable String password) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MfaStatus")
    public record Status(boolean totp, int passkeys, @JsonProperty("recovery_codes_left") int recoveryCodesLeft) {
        public static Status from(MfaStatus status) {
            return new Status(status.totp(), status.passkeys(), status.recoveryCodesLeft());
        }
    }

    @Serdeable
    @Schema(name = "TotpSetup", description = "Pending until confirmed with a code. `secret` is base32 for typing into the app; "
            + "`qr_svg` is the otpauth URI as an SVG QR code.")
    public record Setup(String secret, @JsonProperty("otpauth_uri") String otpauthUri, @JsonProperty("qr_svg") String qrSvg) {
        public static Setup from(TotpSetup setup) {
            return new Setup(setup.secret(), setup.otpauthUri(), setup.qrSvg());
        }
    }

    @Serdeable
    @Schema(name = "RecoveryCodes", description = "Ten single-use codes, shown this once: only their hashes are kept.")
    public record RecoveryCodes(@JsonProperty("recovery_codes") List<String> recoveryCodes) {
    }
}
