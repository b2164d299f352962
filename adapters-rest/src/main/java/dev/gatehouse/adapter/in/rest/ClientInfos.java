package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.domain.session.ClientInfo;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;

/**
 * The client's address is the socket peer. X-Forwarded-For is not read: any client can send it,
 * and honouring it only behind a configured trusted proxy is a deliberate later step.
 */
final class ClientInfos {
    private ClientInfos() {
    }

    static ClientInfo of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        return new ClientInfo(request.getHeaders().get(HttpHeaders.USER_AGENT), ip);
    }
}
