package dev.gatehouse.adapter.in.rest.oauth;

import dev.gatehouse.adapter.in.rest.BearerAuthentication;
import dev.gatehouse.application.port.in.IntrospectTokenUseCase;
import dev.gatehouse.application.port.in.IntrospectTokenUseCase.TokenType;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.domain.user.User;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenID Connect UserInfo endpoint (OIDC Core §5.3), which the discovery document names: standard claims
 * of the access token's user. A token granted a scope gets the claims of its scopes ({@code email},
 * {@code profile}); a first-party token (no scope) gets them all. {@code sub} is always there.
 */
@Tag(name = "oauth")
@Controller("/oauth/userinfo")
@ExecuteOn(TaskExecutors.BLOCKING)
public record UserInfoController(BearerAuthentication bearer, IntrospectTokenUseCase introspect) {

    @Get
    @Operation(operationId = "oauthUserInfo", summary = "OpenID Connect UserInfo", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "sub, and by scope email, email_verified, preferred_username, name, "
            + "given_name, family_name, picture, phone_number, updated_at")
    @ApiResponse(responseCode = "401", description = "token_not_valid (problem+json, WWW-Authenticate: Bearer)")
    public HttpResponse<Map<String, Object>> userInfo(HttpRequest<?> request) {
        Principal caller = bearer.require(request);
        String token = request.getHeaders().get(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()).strip();
        var facts = introspect.introspect(token, TokenType.ACCESS_TOKEN);
        List<String> scopes = facts.scope() == null ? null : Arrays.asList(facts.scope().split(" "));
        return HttpResponse.ok(claims(caller.user(), scopes)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post
    @Operation(operationId = "oauthUserInfoPost", summary = "OpenID Connect UserInfo (POST)", security = @SecurityRequirement(name = "bearer"))
    public HttpResponse<Map<String, Object>> userInfoPost(HttpRequest<?> request) {
        return userInfo(request);
    }

    static Map<String, Object> claims(User user, List<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.id().toString());
        if (scopes == null || scopes.contains("email")) {
            claims.put("email", user.email().value());
            claims.put("email_verified", user.isEmailVerified());
        }
        if (scopes == null || scopes.contains("profile")) {
            if (user.username() != null) {
                claims.put("preferred_username", user.username().value());
            }
            String given = java.util.Objects.toString(user.profile().firstName(), "");
            String family = java.util.Objects.toString(user.profile().lastName(), "");
            String name = (given + " " + family).strip();
            if (!name.isEmpty()) {
                claims.put("name", name);
            }
            if (!given.isEmpty()) {
                claims.put("given_name", given);
            }
            if (!family.isEmpty()) {
                claims.put("family_name", family);
            }
            if (user.profile().avatar() != null) {
                claims.put("picture", user.profile().avatar());
            }
            if (user.profile().phoneNumber() != null) {
                claims.put("phone_number", user.profile().phoneNumber());
            }
            claims.put("updated_at", user.updatedAt().getEpochSecond());
        }
        return claims;
    }
}
