package dev.gatehouse.adapter.in.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A page to try passkeys in a browser against this very service (AUTH_WEBAUTHN_DEMO_PAGE=true, development only):
 * WebAuthn runs only on a page of an allowed origin, and an API alone has none. Off by default.
 */
@Hidden
@Controller("/passkeys-demo")
@Requires(property = PasskeyDemoController.ENABLED, value = "true")
public final class PasskeyDemoController {
    public static final String ENABLED = "auth.webauthn.demo-page";
    static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";
    private final String page = resource("index.html");
    private final String script = resource("app.js");

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> page() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE).header(SecurityHeadersFilter.CSP_HEADER, CSP);
    }

    @Get(value = "/app.js", produces = "text/javascript")
    public HttpResponse<String> script() {
        return HttpResponse.ok(script).contentType("text/javascript").header(SecurityHeadersFilter.CSP_HEADER, CSP);
    }

    private static String resource(String name) {
        try (InputStream in = PasskeyDemoController.class.getResourceAsStream("/gatehouse/passkeys-demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("passkeys-demo/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
