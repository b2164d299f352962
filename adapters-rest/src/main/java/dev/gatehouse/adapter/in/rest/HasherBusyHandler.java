package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.port.out.PasswordHasherBusyException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Password hashing saturated (AUTH_ARGON2_QUEUE_LIMIT): 503 {@code service_unavailable} with Retry-After, on
 * every dialect's routes, like a database outage. Not logged per request: a flood would flood the log too;
 * the hasher says it once a minute.
 */
@Produces
@Singleton
public final class HasherBusyHandler implements ExceptionHandler<PasswordHasherBusyException, HttpResponse<Problem>> {
    /** The queue is about a second of work: by then it has drained. */
    static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, PasswordHasherBusyException exception) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                        "The service is busy. Try again shortly.", null)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
