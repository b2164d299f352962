package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.AdminOperationsDtos;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.AdministerUserSessionsUseCase;
import dev.gatehouse.application.port.in.ListSigningKeysUseCase;
import dev.gatehouse.application.port.in.ManageMailOutboxUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.SendPasswordResetUseCase;
import dev.gatehouse.application.port.in.ViewDashboardUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;

/**
 * The admin routes that the admin console needed and the first admin API lacked: dashboard counts, one
 * user's sessions, an administrator-sent reset link, the signing keys, and the mail outbox. Role admin only.
 */
@Tag(name = "admin")
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public record AdminOperationsController(BearerAuthentication bearer, ViewDashboardUseCase dashboard,
                                        AdministerUserSessionsUseCase userSessions, SendPasswordResetUseCase passwordReset,
                                        ListSigningKeysUseCase keys, ManageMailOutboxUseCase outbox) {

    @Get("/dashboard")
    @Operation(summary = "Dashboard counts", security = @SecurityRequirement(name = "bearer"))
    public AdminOperationsDtos.DashboardResponse dashboard(HttpRequest<?> request) {
        return AdminOperationsDtos.DashboardResponse.from(dashboard.dashboard(bearer.require(request)));
    }

    @Get("/users/{id}/sessions")
    @Operation(summary = "A user's live sessions, newest first", security = @SecurityRequirement(name = "bearer"))
    public List<AdminOperationsDtos.UserSessionResponse> userSessions(@PathVariable String id, HttpRequest<?> request) {
        return userSessions.sessionsOf(bearer.require(request), AdminParams.userId(id)).stream()
                .map(AdminOperationsDtos.UserSessionResponse::from).toList();
    }

    @Delete("/users/{id}/sessions/{session}")
    @Operation(summary = "End one session of a user", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "204", description = "Ended")
    public HttpResponse<Void> revokeUserSession(@PathVariable String id, @PathVariable String session, HttpRequest<?> request) {
        Principal admin = bearer.require(request);
        userSessions.revokeSession(admin, AdminParams.userId(id), AdminParams.sessionId(session));
        return HttpResponse.noContent();
    }

    @Post("/users/{id}/password-reset")
    @Operation(summary = "Mail the user a password-reset link", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "202", description = "Queued in the mail outbox")
    public HttpResponse<AdminOperationsDtos.Detail> sendPasswordReset(@PathVariable String id, HttpRequest<?> request) {
        passwordReset.sendPasswordReset(bearer.require(request), AdminParams.userId(id));
        return HttpResponse.status(HttpStatus.ACCEPTED).body(new AdminOperationsDtos.Detail("A password reset link is on its way."));
    }

    @Get("/keys")
    @Operation(summary = "The signing keys, newest first (public parts only)", security = @SecurityRequirement(name = "bearer"))
    public List<AdminOperationsDtos.SigningKeyResponse> signingKeys(HttpRequest<?> request) {
        return keys.signingKeys(bearer.require(request)).stream().map(AdminOperationsDtos.SigningKeyResponse::from).toList();
    }

    /** Envelopes only; {@code state} one of pending, retrying, dead, sent. */
    @Get("/outbox")
    @Operation(summary = "The mail outbox, newest first", security = @SecurityRequirement(name = "bearer"))
    public AdminOperationsDtos.OutboxPage outbox(@QueryValue @Nullable String state, @QueryValue @Nullable String page,
                                                 @QueryValue @Nullable String size, HttpRequest<?> request) {
        Principal admin = bearer.require(request);
        ManageMailOutboxUseCase.MailState filter = mailState(state);
        ManageMailOutboxUseCase.MailPage found = outbox.list(admin, filter, AdminParams.page(page) - 1, AdminParams.size(size));
        return new AdminOperationsDtos.OutboxPage(found.items().stream().map(AdminOperationsDtos.OutboxMailResponse::from).toList(),
                found.page() + 1, found.size(), found.total());
    }

    @Post("/outbox/{id}/retry")
    @Operation(summary = "Send a dead mail afresh (a link mail gets a new link)", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "202", description = "Written again to the outbox")
    public HttpResponse<AdminOperationsDtos.Detail> retryMail(@PathVariable String id, HttpRequest<?> request) {
        outbox.retry(bearer.require(request), AdminParams.mailId(id));
        return HttpResponse.status(HttpStatus.ACCEPTED).body(new AdminOperationsDtos.Detail("The mail is queued again."));
    }

    /** The query value as a state; blank is every state. */
    public static ManageMailOutboxUseCase.MailState mailState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ManageMailOutboxUseCase.MailState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("state", "Must be pending, retrying, dead or sent.");
        }
    }
}
