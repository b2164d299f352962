package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.domain.session.ClientInfo;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.context.annotation.Context;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling. The address is the TCP peer; {@code X-Forwarded-For} is believed only when that
 * peer is one of the configured trusted proxies (AUTH_TRUSTED_PROXIES), and then the client is the
 * right-most address in it that is not itself a trusted proxy. Anything a client writes into the
 * header by itself is ignored, so it cannot dodge a rate limit by inventing addresses.
 */
// @Context: a malformed setting stops the service at start-up, not at the first request.
@Context
public final class ClientInfos {
    private final Set<String> trustedProxies;

    public ClientInfos(@Value("${auth.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public ClientInfo of(HttpRequest<?> request) {
        return new ClientInfo(request.getHeaders().get(HttpHeaders.USER_AGENT), address(request));
    }

    String address(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        if (peer == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(h -> Arrays.stream(h.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            if (!trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
