package dev.gatehouse.adapter.in.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.ListSessionsUseCase.SessionView;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Session")
public record SessionResponse(
        String id,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("last_used_at") String lastUsedAt,
        @JsonProperty("expires_at") String expiresAt,
        @JsonProperty("user_agent") @Schema(nullable = true) String userAgent,
        @Schema(nullable = true) String ip,
        @Schema(description = "true for the session of the access token making this request") boolean current) {

    public static SessionResponse from(SessionView view) {
        var s = view.session();
        return new SessionResponse(s.id().toString(), Rfc3339.format(s.createdAt()), Rfc3339.format(s.lastUsedAt()),
                Rfc3339.format(s.expiresAt()), s.client().userAgent(), s.client().ip(), view.current());
    }
}
