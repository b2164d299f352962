package dev.gatehouse.adapter.in.rest.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.IntrospectTokenUseCase;
import dev.gatehouse.application.port.in.IntrospectTokenUseCase.Introspection;
import dev.gatehouse.application.port.in.IntrospectTokenUseCase.TokenType;
import dev.gatehouse.application.port.in.RevokeTokenUseCase;
import dev.gatehouse.application.port.in.RevokeTokenUseCase.RevokeTokenCommand;
import dev.gatehouse.application.port.out.StorageUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

/** RFC 7009 revocation (for the clients that hold tokens) and RFC 7662 introspection (for resource servers). */
@Tag(name = "oauth")
@SecurityScheme(name = "introspection", type = SecuritySchemeType.HTTP, scheme = "basic")
@Controller("/oauth")
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public record OAuthTokenInspectionController(RevokeTokenUseCase revoke, IntrospectTokenUseCase introspect,
                                             OAuthClients clients, IntrospectionCredentials introspection) {

    /** RFC 7662 §2.2. Inactive tokens get {"active": false} and nothing else. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OAuthIntrospection")
    public record IntrospectionResponse(boolean active, @Nullable @JsonProperty("token_type") String tokenType,
                                        @Nullable String sub, @Nullable String username,
                                        @Nullable @JsonProperty("client_id") String clientId, @Nullable String scope,
                                        @Nullable Long iat, @Nullable Long exp, @Nullable String iss, @Nullable String aud,
                                        @Nullable String jti, @Nullable String sid) {
        static IntrospectionResponse of(Introspection i) {
            if (!i.active()) {
                return new IntrospectionResponse(false, null, null, null, null, null, null, null, null, null, null, null);
            }
            return new IntrospectionResponse(true, i.tokenType() == TokenType.ACCESS_TOKEN ? "Bearer" : "refresh_token",
                    i.subject(), i.username(), i.clientId(), i.scope(), i.issuedAt().getEpochSecond(),
                    i.expiresAt().getEpochSecond(), i.issuer(), i.audience(), i.jwtId(), i.sessionId());
        }
    }

    @Schema(name = "OAuthRevocationRequest")
    public record RevocationRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token,
                                    @JsonProperty("token_type_hint") String tokenTypeHint,
                                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("client_id") String clientId) {
    }

    @Schema(name = "OAuthIntrospectionRequest")
    public record IntrospectionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token,
                                       @JsonProperty("token_type_hint") String tokenTypeHint) {
    }

    @Post(value = "/revoke", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "oauthRevoke", summary = "Revoke a refresh or access token (RFC 7009)",
            description = "Ends the session the token belongs to: its refresh tokens and every access token minted from it "
                    + "stop working at once (at introspection, /api/auth/me and token/verify). 200 with an empty body for "
                    + "unknown, expired, already revoked tokens and tokens issued to another client alike.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = RevocationRequest.class)))
    @ApiResponse(responseCode = "200", description = "Revoked, or nothing to revoke")
    @ApiResponse(responseCode = "400", description = "`invalid_request`: no token")
    @ApiResponse(responseCode = "401", description = "`invalid_client`")
    public HttpResponse<?> revokeToken(@Parameter(hidden = true) @Body @Nullable String body, HttpRequest<?> request) {
        OAuthParameters parameters = OAuthParameters.parse(request.getContentType().map(MediaType::toString).orElse(null), body);
        OAuthClients.Client client = clients.identify(parameters, request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        String token = parameters.require("token");
        revoke.revoke(new RevokeTokenCommand(token, client.id()));
        return HttpResponse.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post(value = "/introspect", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "oauthIntrospect", summary = "Introspect a token (RFC 7662)",
            security = @SecurityRequirement(name = "introspection"),
            description = "For resource servers that must see a revocation at once: HTTP Basic with "
                    + "AUTH_OAUTH_INTROSPECTION_CLIENT_ID and AUTH_OAUTH_INTROSPECTION_SECRET (both unset: introspection is "
                    + "off). An access token is active while it is unexpired and its session live; a refresh token while "
                    + "it could be rotated.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = IntrospectionRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IntrospectionResponse.class)))
    @ApiResponse(responseCode = "401", description = "`invalid_client`")
    public HttpResponse<IntrospectionResponse> introspectToken(@Parameter(hidden = true) @Body @Nullable String body, HttpRequest<?> request) {
        introspection.check(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        OAuthParameters parameters = OAuthParameters.parse(request.getContentType().map(MediaType::toString).orElse(null), body);
        String token = parameters.require("token");
        String hint = parameters.get("token_type_hint");
        TokenType type = "access_token".equals(hint) ? TokenType.ACCESS_TOKEN
                : "refresh_token".equals(hint) ? TokenType.REFRESH_TOKEN : null;
        return HttpResponse.ok(IntrospectionResponse.of(introspect.introspect(token, type)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache");
    }


    @Hidden
    @Error(exception = StorageUnavailableException.class)
    public HttpResponse<Map<String, Object>> storageUnavailable(HttpRequest<?> request, StorageUnavailableException e) {
        return OAuthErrorHandler.response(OAuthErrorHandler.storageUnavailable());
    }
}
