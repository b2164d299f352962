package dev.gatehouse.adapter.in.rest.compat.djrestauth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Answers of the dialect carry tokens and user data, like those under /api/ (which the security-headers
 * filter marks already): no cache may keep them.
 */
@ServerFilter("/dj-rest-auth/**")
@Requires(property = DjRestAuthController.ENABLED, value = "true")
public final class DjRestAuthNoStoreFilter {

    @ResponseFilter
    public void noStore(MutableHttpResponse<?> response) {
        response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
