package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.port.out.PasswordHasherBusyException;
import dev.gatehouse.application.port.out.StorageUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last resort: anything no other handler claims. The client gets a problem with an incident id and
 * no internals; the log gets the stack trace under the same id.
 */
@Produces
@Singleton
public final class UnexpectedErrorHandler implements ExceptionHandler<Throwable, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException unavailable) {
                return new StorageUnavailableHandler().handle(request, unavailable);
            }
            if (t instanceof PasswordHasherBusyException busy) {
                return new HasherBusyHandler().handle(request, busy);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unhandled error {} serving {} {}", incident, request.getMethod(), LogSafe.path(request), exception);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The server could not handle the request (incident " + incident + ").", null)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
