package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.port.out.StorageUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Database unreachable: 503 with Retry-After; the pool reconnects by itself when it returns. */
@Produces
@Singleton
public final class StorageUnavailableHandler implements ExceptionHandler<StorageUnavailableException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StorageUnavailableException exception) {
        LOG.warn("Database unavailable while serving {} {}: {}", request.getMethod(), LogSafe.path(request), exception.getMessage());
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                        "The service is temporarily unavailable. Try again shortly.", null)
                .header(HttpHeaders.RETRY_AFTER, "5");
    }
}
