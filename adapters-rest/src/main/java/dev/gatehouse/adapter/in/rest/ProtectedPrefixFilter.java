package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.GatehouseException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;

/**
 * Under prefixes where every route needs a Bearer token, a request no route matches is still asked for
 * one first: without a valid token the answer is 401, never 404 or 405. A client's refresh interceptor
 * reacts to 401; a 404 for an expired token would leave it stuck (the seed-000 profile page did), and
 * a 404 before authentication would tell strangers which paths exist. Matched routes authenticate
 * themselves, so this adds no work to them.
 */
@ServerFilter({"/api/user/**", "/api/admin/**"})
public final class ProtectedPrefixFilter {
    private final BearerAuthentication bearer;
    private final GatehouseExceptionHandler errors;

    public ProtectedPrefixFilter(BearerAuthentication bearer, GatehouseExceptionHandler errors) {
        this.bearer = bearer;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticateFirst(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.OPTIONS || RouteAttributes.getRouteMatch(request).isPresent()) {
            return null;
        }
        try {
            bearer.require(request);
            return null;
        } catch (GatehouseException refused) {
            return errors.handle(request, refused);
        }
    }
}
