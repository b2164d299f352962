package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.ManageSettingsUseCase.CurrentSettings;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.domain.audit.AuditEvent;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/** Response bodies of the admin API. */
public final class AdminDtos {
    private AdminDtos() {
    }

    @Serdeable
    @Schema(name = "UserPage", description = "`page` starts at 1.")
    public record UserPage(List<UserResponse> items, int page, int size, long total) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AuditEvent")
    public record AuditEventResponse(long id, @JsonProperty("occurred_at") String occurredAt, String type,
                                     @Schema(nullable = true) String user, @Schema(nullable = true) String actor,
                                     @Schema(nullable = true) String ip, @Schema(nullable = true) String detail) {
        public static AuditEventResponse from(AuditEvent e) {
            return new AuditEventResponse(e.id(), e.occurredAt().toString(), e.type().name().toLowerCase(Locale.ROOT),
                    e.user() == null ? null : e.user().toString(), e.actor() == null ? null : e.actor().toString(), e.ip(), e.detail());
        }
    }

    @Serdeable
    @Schema(name = "AuditPage", description = "Newest first; `page` starts at 1.")
    public record AuditPage(List<AuditEventResponse> items, int page, int size, long total) {
    }

    @Serdeable
    @Schema(name = "RateLimits")
    public record RateLimitsBody(@JsonProperty("login_max_failures") int loginMaxFailures,
                                 @Schema(description = "ISO 8601 duration") String lockout,
                                 @JsonProperty("login_per_address_per_minute") int loginPerAddressPerMinute,
                                 @JsonProperty("mail_per_address_per_hour") int mailPerAddressPerHour,
                                 @JsonProperty("mail_per_client_per_hour") int mailPerClientPerHour,
                                 @JsonProperty("token_guesses_per_client_per_hour") int tokenGuessesPerClientPerHour,
                                 @JsonProperty("registrations_per_client_per_hour") int registrationsPerClientPerHour) {
        public static RateLimitsBody from(RateLimits l) {
            return new RateLimitsBody(l.loginMaxFailures(), l.lockout().toString(), l.loginPerAddressPerMinute(),
                    l.mailPerAddressPerHour(), l.mailPerClientPerHour(), l.tokenGuessesPerClientPerHour(),
                    l.registrationsPerClientPerHour());
        }
    }

    @Serdeable
    @Schema(name = "Settings", description = "Runtime settings; durations are ISO 8601. PUT takes the whole object "
            + "(without version and updated_at) and is effective on every instance within seconds.")
    public record SettingsResponse(@JsonProperty("access_token_ttl") String accessTokenTtl,
                                   @JsonProperty("refresh_token_ttl") String refreshTokenTtl,
                                   @JsonProperty("refresh_reuse_grace") String refreshReuseGrace,
                                   @JsonProperty("verification_mode") String verificationMode,
                                   @JsonProperty("password_min_length") int passwordMinLength,
                                   @JsonProperty("rate_limits") RateLimitsBody rateLimits,
                                   long version, @JsonProperty("updated_at") String updatedAt) {
        public static SettingsResponse from(CurrentSettings c) {
            var t = c.tunables();
            return new SettingsResponse(t.accessTokenTtl().toString(), t.refreshTokenTtl().toString(),
                    t.refreshReuseGrace().toString(), t.verificationMode().name().toLowerCase(Locale.ROOT), t.passwordMinLength(),
                    RateLimitsBody.from(t.rateLimits()), c.version(), c.updatedAt().toString());
        }
    }

    @Serdeable
    public record KeyRotated(String kid) {
    }

    @Serdeable
    public record LoggedOut(String detail, int revoked) {
    }
}
