package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.ResetMfaUseCase;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** An administrator turning a user's MFA off (lost phone, no recovery code left). */
@Tag(name = "admin")
@Controller("/api/admin/users/{id}/mfa")
@ExecuteOn(TaskExecutors.BLOCKING)
public record AdminMfaController(BearerAuthentication bearer, ResetMfaUseCase reset) {

    @Delete
    @Operation(summary = "Reset a user's MFA", security = @SecurityRequirement(name = "bearer"),
            description = "The authenticator app, the recovery codes and pending MFA logins of the user go; audited (mfa_reset) "
                    + "with the administrator as actor. The user's sessions stay. Idempotent.")
    @ApiResponse(responseCode = "204", description = "Reset")
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<Void> resetMfa(@PathVariable String id, HttpRequest<?> request) {
        reset.resetMfa(bearer.require(request), userId(id));
        return HttpResponse.noContent();
    }

    private static UserId userId(String id) {
        try {
            if (id.length() == 36) {
                return new UserId(UUID.fromString(id));
            }
        } catch (IllegalArgumentException e) {
            // not an id: the same 404 as an unknown one
        }
        throw new NotFoundException("User");
    }
}
