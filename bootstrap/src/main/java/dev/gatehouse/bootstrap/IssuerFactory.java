package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The issuer: {@code AUTH_ISSUER} when set, otherwise {@code http://localhost:<port>} with the port the
 * server listens on, so that discovery, {@code jwks_uri}, the {@code iss} claim and mailed links follow
 * {@code MICRONAUT_SERVER_PORT} instead of naming a port nobody listens on.
 */
@Factory
public class IssuerFactory {

    /** The resolved issuer URL, without a trailing slash. */
    public record Issuer(String url) {
    }

    @Singleton
    Issuer issuer(AuthProperties p, HttpServerConfiguration server, Environment environment) {
        String configured = p.getIssuer();
        if (configured != null && !configured.isBlank()) {
            String url = configured.strip();
            return new Issuer(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        return new Issuer("http://localhost:" + port(server, environment));
    }

    /** Micronaut's own default: 8080, or a random port in the test environment. */
    private static int port(HttpServerConfiguration server, Environment environment) {
        return server.getPort().orElse(environment.getActiveNames().contains(Environment.TEST) ? -1 : 8080);
    }

    /**
     * A random port ({@code -1} or {@code 0}) is otherwise chosen only when the server binds, after the
     * settings that name the issuer are built. Choosing it when the server configuration is created makes
     * it known to both: the server then binds exactly that port.
     */
    @Singleton
    static final class RandomPortNow implements BeanCreatedEventListener<HttpServerConfiguration> {
        private final Environment environment;

        RandomPortNow(Environment environment) {
            this.environment = environment;
        }

        @Override
        public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
            HttpServerConfiguration server = event.getBean();
            if (port(server, environment) <= 0) {
                try (ServerSocket probe = new ServerSocket(0)) {
                    server.setPort(probe.getLocalPort());
                } catch (IOException e) {
                    throw new UncheckedIOException("no free port for the server", e);
                }
            }
            return server;
        }
    }
}
