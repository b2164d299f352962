package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.adapter.in.rest.dto.SocialDtos;
import dev.gatehouse.adapter.in.rest.dto.SocialDtos.IdentityResponse;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.ConnectIdentityUseCase;
import dev.gatehouse.application.port.in.ConnectIdentityUseCase.ConnectIdentityCommand;
import dev.gatehouse.application.port.in.DisconnectIdentityUseCase;
import dev.gatehouse.application.port.in.ListIdentitiesUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.ProviderCredential;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

/** The caller's linked identities at outside providers. */
@Tag(name = "social")
@Controller("/api/auth/identities")
@ExecuteOn(TaskExecutors.BLOCKING)
public record IdentitiesController(ListIdentitiesUseCase list, ConnectIdentityUseCase connect,
                                   DisconnectIdentityUseCase disconnect, BearerAuthentication bearer, ClientInfos clientInfos) {
    private static final String PROBLEM = "application/problem+json";

    @Get
    @Operation(summary = "List linked identities", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = IdentityResponse.class))))
    public List<IdentityResponse> identities(HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        return list.list(caller).stream().map(IdentityResponse::from).toList();
    }

    @Post("/{provider}/connect")
    @Operation(summary = "Connect an identity to the caller's account", security = @SecurityRequirement(name = "bearer"),
            description = "With `code` from a browser flow started with `intent=connect` and the `code_verifier` of the "
                    + "`code_challenge` given there, or with a native app's `id_token`.")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = IdentityResponse.class)))
    @ApiResponse(responseCode = "401", description = "token_not_valid (the code) or provider_token_invalid (the id_token)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "identity_taken: it is connected to another account", content = @Content(mediaType = PROBLEM))
    public HttpResponse<IdentityResponse> connect(@PathVariable String provider, @Body SocialDtos.ConnectRequest body,
                                                  HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        FieldErrors errors = new FieldErrors();
        ProviderCredential credential = null;
        if ((body.code() == null) == (body.idToken() == null)) {
            errors.add("code", "Give either code or id_token.");
        } else if (body.code() != null) {
            String code = SocialCredentials.bounded(errors, "code", Fields.required(errors, "code", body.code()));
            String verifier = Fields.required(errors, "code_verifier", body.codeVerifier());
            if (verifier != null && !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
                errors.add("code_verifier", "Must be 43 to 128 characters of A-Z, a-z, 0-9 and -._~ (RFC 7636).");
            }
            credential = code == null || verifier == null ? null : new ProviderCredential.FlowCode(code, verifier);
        }
        errors.throwIfAny();
        if (credential == null) {
            credential = SocialCredentials.idToken(body.idToken(), body.nonce());
        }
        var linked = connect.connect(new ConnectIdentityCommand(caller, provider, credential, clientInfos.of(request)));
        return HttpResponse.status(HttpStatus.CREATED).body(IdentityResponse.from(linked));
    }

    @Delete("/{id}")
    @Operation(summary = "Disconnect an identity", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "204", description = "Disconnected")
    @ApiResponse(responseCode = "400", description = "last_login_method: the account has no password and no other identity",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = PROBLEM))
    public HttpResponse<Void> remove(@PathVariable String id, HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        UUID identity;
        try {
            identity = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Identity");
        }
        disconnect.disconnect(caller, identity);
        return HttpResponse.noContent();
    }
}
