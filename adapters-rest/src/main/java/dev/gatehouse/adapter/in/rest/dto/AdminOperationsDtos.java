package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.ListSigningKeysUseCase.SigningKeyView;
import dev.gatehouse.application.port.in.ManageMailOutboxUseCase.OutboxMail;
import dev.gatehouse.application.port.in.ViewDashboardUseCase.Dashboard;
import dev.gatehouse.application.port.in.ViewDashboardUseCase.DayCount;
import dev.gatehouse.domain.session.Session;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/** Response bodies of the admin routes the console also uses: dashboard, a user's sessions, keys, outbox. */
public final class AdminOperationsDtos {
    private AdminOperationsDtos() {
    }

    @Serdeable
    public record Day(String day, long count) {
        static List<Day> of(List<DayCount> days) {
            return days.stream().map(d -> new Day(d.day().toString(), d.count())).toList();
        }
    }

    @Serdeable
    @Schema(name = "Dashboard", description = "Counts; `*_24h` over the last 24 hours, `*_30d` and the per-day lists over the last 30 UTC days.")
    public record DashboardResponse(long users, @JsonProperty("active_users") long activeUsers,
                                    @JsonProperty("active_sessions") long activeSessions,
                                    @JsonProperty("sign_ins_24h") long signIns24h, @JsonProperty("failures_24h") long failures24h,
                                    @JsonProperty("sign_ins_30d") long signIns30d, @JsonProperty("failures_30d") long failures30d,
                                    @JsonProperty("token_reuse_24h") long tokenReuse24h,
                                    @JsonProperty("token_reuse_30d") long tokenReuse30d,
                                    @JsonProperty("mail_pending") long mailPending, @JsonProperty("mail_retrying") long mailRetrying,
                                    @JsonProperty("mail_dead") long mailDead,
                                    @JsonProperty("sign_ins_per_day") List<Day> signInsPerDay,
                                    @JsonProperty("failures_per_day") List<Day> failuresPerDay) {
        public static DashboardResponse from(Dashboard d) {
            return new DashboardResponse(d.users(), d.activeUsers(), d.activeSessions(), d.signIns24h(), d.failures24h(),
                    d.signIns30d(), d.failures30d(), d.tokenReuse24h(), d.tokenReuse30d(), d.mailPending(), d.mailRetrying(),
                    d.mailDead(), Day.of(d.signIns()), Day.of(d.failures()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "UserSession")
    public record UserSessionResponse(String id, @JsonProperty("created_at") String createdAt,
                                      @JsonProperty("last_used_at") String lastUsedAt,
                                      @JsonProperty("expires_at") String expiresAt,
                                      @JsonProperty("user_agent") @Schema(nullable = true) String userAgent,
                                      @Schema(nullable = true) String ip) {
        public static UserSessionResponse from(Session s) {
            return new UserSessionResponse(s.id().toString(), Rfc3339.format(s.createdAt()), Rfc3339.format(s.lastUsedAt()),
                    Rfc3339.format(s.expiresAt()), s.client().userAgent(), s.client().ip());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SigningKey", description = "`state`: active (signs), published (retired, still in the JWKS), expired")
    public record SigningKeyResponse(String kid, String algorithm, @JsonProperty("created_at") String createdAt,
                                     @JsonProperty("retired_at") @Schema(nullable = true) String retiredAt, String state) {
        public static SigningKeyResponse from(SigningKeyView k) {
            return new SigningKeyResponse(k.kid(), k.algorithm(), Rfc3339.format(k.createdAt()), Rfc3339.format(k.retiredAt()),
                    k.state().name().toLowerCase(Locale.ROOT));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "OutboxMail", description = "A mail's envelope (never its content). `state`: pending, retrying, dead, sent")
    public record OutboxMailResponse(long id, @Schema(nullable = true) String template, String recipient, String state,
                                     int attempts, @JsonProperty("created_at") String createdAt,
                                     @JsonProperty("next_attempt_at") String nextAttemptAt,
                                     @JsonProperty("sent_at") @Schema(nullable = true) String sentAt,
                                     @JsonProperty("last_error") @Schema(nullable = true) String lastError) {
        public static OutboxMailResponse from(OutboxMail m) {
            return new OutboxMailResponse(m.id(), m.template() == null ? null : m.template().name().toLowerCase(Locale.ROOT),
                    m.recipient(), m.state().name().toLowerCase(Locale.ROOT), m.attempts(), Rfc3339.format(m.createdAt()),
                    Rfc3339.format(m.nextAttemptAt()), Rfc3339.format(m.sentAt()), m.lastError());
        }
    }

    @Serdeable
    @Schema(name = "OutboxPage", description = "Newest first; `page` starts at 1.")
    public record OutboxPage(List<OutboxMailResponse> items, int page, int size, long total) {
    }

    @Serdeable
    public record Detail(String detail) {
    }
}
