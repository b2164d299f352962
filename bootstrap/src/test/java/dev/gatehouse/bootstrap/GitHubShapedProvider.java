package dev.gatehouse.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * An OAuth 2.0 provider shaped like GitHub, on loopback: no OpenID Connect, an authorize page that
 * approves at once, a token endpoint that answers JSON only when asked and reports a bad code with 200 and
 * an {@code error} member, {@code /user} with a numeric id and {@code /user/emails} with the verified
 * primary address. {@link #mode} makes it misbehave: slow, down (5xx) or answering garbage.
 */
final class GitHubShapedProvider implements AutoCloseable {
    enum Mode { OK, SLOW, DOWN, GARBAGE }

    volatile Mode mode = Mode.OK;
    volatile long userId = 12345;
    volatile String primaryEmail = "octo@example.com";
    volatile boolean primaryVerified = true;
    /** Code → the PKCE challenge it was issued for (checked as GitHub does). */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final HttpServer server;

    GitHubShapedProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/login/oauth/authorize", this::authorize);
        server.createContext("/login/oauth/access_token", this::token);
        server.createContext("/user", this::user);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Map<String, String> properties(String id) {
        String p = "auth.oidc.providers." + id + ".";
        return Map.of(p + "client-id", "gh-client", p + "client-secret", "gh-secret",
                p + "authorization-url", base() + "/login/oauth/authorize", p + "token-url", base() + "/login/oauth/access_token",
                p + "userinfo-url", base() + "/user", p + "emails-url", base() + "/user/emails", p + "scopes", "read:user user:email");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        if (!"gh-client".equals(q.get("client_id")) || !"S256".equals(q.get("code_challenge_method"))) {
            send(exchange, 400, "text/plain", "bad request");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, q.get("code_challenge"));
        exchange.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        send(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        if (misbehaved(exchange)) {
            return;
        }
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String challenge = codes.remove(form.getOrDefault("code", ""));
        if (!"gh-client".equals(form.get("client_id")) || !"gh-secret".equals(form.get("client_secret"))) {
            send(exchange, 200, "application/json", "{\"error\":\"incorrect_client_credentials\"}");
            return;
        }
        if (challenge == null || !challenge.equals(BeginChallenge.of(form.getOrDefault("code_verifier", "")))) {
            send(exchange, 200, "application/json", "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\"}");
            return;
        }
        String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, userId);
        send(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}");
    }

    private void user(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Long id = auth == null || !auth.startsWith("Bearer ") ? null : tokens.get(auth.substring(7));
        if (id == null) {
            send(exchange, 401, "application/json", "{\"message\":\"Bad credentials\"}");
            return;
        }
        if (exchange.getRequestURI().getPath().equals("/user/emails")) {
            send(exchange, 200, "application/json", "[{\"email\":\"public@example.com\",\"primary\":false,\"verified\":true},"
                    + "{\"email\":\"" + primaryEmail + "\",\"primary\":true,\"verified\":" + primaryVerified + "}]");
        } else {
            send(exchange, 200, "application/json", "{\"login\":\"octocat\",\"id\":" + id + ",\"name\":\"Mona Lisa Octocat\","
                    + "\"email\":\"unverified-public@example.com\"}");
        }
    }

    private boolean misbehaved(HttpExchange exchange) throws IOException {
        switch (mode) {
            case SLOW -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, "application/json", "{}");
                return true;
            }
            case DOWN -> {
                send(exchange, 503, "text/html", "<html>maintenance</html>");
                return true;
            }
            case GARBAGE -> {
                send(exchange, 200, "text/html", "<html>definitely not json");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** RFC 7636 S256, computed independently of the service's own code. */
    static final class BeginChallenge {
        static String of(String verifier) {
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(d);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
