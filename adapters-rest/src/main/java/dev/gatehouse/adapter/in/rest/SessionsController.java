package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.SessionResponse;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.ListSessionsUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RevokeSessionUseCase;
import dev.gatehouse.domain.session.SessionId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

@Tag(name = "auth")
@Controller("/api/auth/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
public record SessionsController(BearerAuthentication bearer, ListSessionsUseCase listSessions,
                                 RevokeSessionUseCase revokeSession) {

    /** The caller's live sessions, newest first; {@code current} marks the one making this request. */
    @Get
    @Operation(summary = "List my sessions", security = @SecurityRequirement(name = "bearer"))
    public List<SessionResponse> list(HttpRequest<?> request) {
        return listSessions.listSessions(bearer.require(request)).stream().map(SessionResponse::from).toList();
    }

    /** Ends one of the caller's sessions. Another user's session, or an unknown id, is 404. */
    @Delete("/{id}")
    @Operation(summary = "Revoke one of my sessions", security = @SecurityRequirement(name = "bearer"))
    public HttpResponse<Void> revoke(@PathVariable String id, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        UUID uuid;
        try {
            uuid = id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            uuid = null;
        }
        if (uuid == null) {
            throw new NotFoundException("Session");
        }
        revokeSession.revokeSession(caller, new SessionId(uuid));
        return HttpResponse.noContent();
    }
}
