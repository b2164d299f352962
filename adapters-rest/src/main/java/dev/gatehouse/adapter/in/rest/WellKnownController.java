package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.port.in.PublishKeysUseCase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public keys and discovery, for services that verify our tokens themselves. */
@Tag(name = "discovery")
@Controller("/.well-known")
public record WellKnownController(PublishKeysUseCase keys) {

    /** Current and previous public keys. Verifiers may cache this for five minutes. */
    @Get("/jwks.json")
    @Operation(summary = "JSON Web Key Set")
    public HttpResponse<Map<String, Object>> jwks() {
        return HttpResponse.ok(Map.<String, Object>of("keys", keys.publicKeys()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }

    @Get("/openid-configuration")
    @Operation(summary = "Discovery document (issuer and jwks_uri)")
    public HttpResponse<Map<String, Object>> discovery() {
        String issuer = keys.issuer();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        document.put("token_endpoint", issuer + "/api/auth/login");
        document.put("id_token_signing_alg_values_supported", List.of("ES256"));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        return HttpResponse.ok(document).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}
