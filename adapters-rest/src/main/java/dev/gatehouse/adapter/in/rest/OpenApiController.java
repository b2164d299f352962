package dev.gatehouse.adapter.in.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document generated at build time, as {@code application/yaml}: served as a static
 * resource it went out as {@code text/plain}, which tools that sniff the type refuse. Read once.
 */
@Hidden
@Controller
public class OpenApiController {
    static final String MEDIA_TYPE = "application/yaml";
    private static final String RESOURCE = "META-INF/swagger/openapi.yml";

    private final byte[] document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar (the OpenAPI processor did not run)");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uris = {"/openapi.yml", "/openapi.yaml"}, produces = MEDIA_TYPE)
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(MEDIA_TYPE);
    }
}
