package dev.gatehouse.adapter.out.oidc;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.gatehouse.application.port.out.IdentityProviderException;
import dev.gatehouse.application.port.out.IdentityProviderException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends the SDK's requests with the JDK client, so that every provider call has a deadline for the whole
 * answer (not only per read) and a cap on its size: a provider that is slow, or that streams without end,
 * costs at most {@code timeout} and {@code MAX_BODY} bytes.
 */
final class ProviderHttp {
    static final int MAX_BODY = 512 * 1024;
    private static final Executor READERS = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Duration timeout() {
        return timeout;
    }

    /** @throws IdentityProviderException UNAVAILABLE when unreachable or slow, or the provider answers 5xx */
    HTTPResponse send(HTTPRequest request, String what) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(timeout);
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        builder.setHeader("User-Agent", "Gatehouse");
        String body = request.getBody();
        builder.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response;
        byte[] content;
        try {
            response = client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            InputStream stream = response.body();
            // The body has the same deadline as the headers: a provider trickling bytes is as down as a silent one.
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readCapped(stream, what), READERS);
            try {
                content = read.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                closeQuietly(stream);
                throw slow;
            }
        } catch (TimeoutException e) {
            throw new IdentityProviderException(Kind.UNAVAILABLE, what + ": no answer within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IdentityProviderException provider) {
                throw provider;
            }
            throw new IdentityProviderException(Kind.UNAVAILABLE, what + ": " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderException(Kind.UNAVAILABLE, what + ": interrupted");
        }
        if (response.statusCode() >= 500) {
            throw new IdentityProviderException(Kind.UNAVAILABLE, what + ": HTTP " + response.statusCode());
        }
        HTTPResponse converted = new HTTPResponse(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                converted.setHeader(name, values.toArray(String[]::new));
            }
        });
        converted.setBody(new String(content, StandardCharsets.UTF_8));
        return converted;
    }

    HTTPResponse get(URI uri, String bearer, String what) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, uri);
        request.setAccept("application/json");
        if (bearer != null) {
            request.setAuthorization("Bearer " + bearer);
        }
        return send(request, what);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing only to stop the read
        }
    }

    private static byte[] readCapped(InputStream in, String what) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY) {
                    throw new IdentityProviderException(Kind.ERROR, what + ": answer over " + MAX_BODY + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IdentityProviderException(Kind.UNAVAILABLE, what + ": " + e.getClass().getSimpleName());
        }
    }
}
