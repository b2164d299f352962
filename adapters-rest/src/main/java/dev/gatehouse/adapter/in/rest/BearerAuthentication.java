package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.NotAuthenticatedException;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.Principal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;

/** Reads {@code Authorization: Bearer …} and asks the application who it is. */
@Singleton
public final class BearerAuthentication {
    private static final String PREFIX = "Bearer ";
    private final AuthenticateUseCase authenticate;

    public BearerAuthentication(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /** @throws NotAuthenticatedException with no Bearer token; TokenNotValidException with a bad one */
    public Principal require(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new NotAuthenticatedException();
        }
        return authenticate.authenticate(header.substring(PREFIX.length()).strip());
    }
}
