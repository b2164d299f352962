package dev.gatehouse.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, with the stable {@code code} and per-field {@code errors} described in docs/http-api.md. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details. `code` is stable and machine-readable.")
public record Problem(String type, String title, int status, String detail, String code,
                      Map<String, List<String>> errors) {
    public static final String TYPE_BASE = "https://gatehouse.dev/problems/";
}
