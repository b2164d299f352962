package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import io.micronaut.http.MutableHttpResponse;
import java.util.Map;

/** A finished DRF-shaped error answer, thrown out of an endpoint to its controller's error handler. */
final class DrfError extends RuntimeException {
    private final transient MutableHttpResponse<Map<String, Object>> response;

    DrfError(MutableHttpResponse<Map<String, Object>> response) {
        super(null, null, false, false);
        this.response = response;
    }

    MutableHttpResponse<Map<String, Object>> response() {
        return response;
    }
}
