package dev.gatehouse.adapter.in.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Token and user responses must never be cached by a browser or a proxy. */
@ServerFilter("/api/**")
public final class SecurityHeadersFilter {
    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response) {
        response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        response.header("X-Content-Type-Options", "nosniff");
    }
}
