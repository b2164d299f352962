package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the Netty guard in front of Micronaut refuses, spoken over raw sockets: an HTTP client would
 * never send both framing headers, a NUL in the URI or a request one byte at a time.
 */
@MicronautTest(transactional = false)
class RequestGuardEndToEndTest extends HttpTest {

    @Override
    Map<String, String> extraProperties() {
        return Map.of("auth.http.request-read-timeout", "2s", "auth.compat.dj-rest-auth.enabled", "true",
                "auth.compat.simple.enabled", "true");
    }

    private static final List<String> LOGINS = List.of("/api/auth/login", "/dj-rest-auth/login/", "/api/login");

    @Test
    void loneSurrogateEscapesAreRefusedInEveryDialect() throws IOException {
        for (String path : LOGINS) {
            for (String password : List.of("Pw\\ud800x", "Pw\\udfffx", "\\ude00\\ud83d")) {
                assertRefused(path, ("{\"login\":\"a@example.com\",\"username\":\"a\",\"email\":\"a@example.com\","
                        + "\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
            }
        }
        Response register = post("/api/auth/register", "{\"email\":\"lone@example.com\",\"password\":\"Pw\\ud800xxxxxxxxxx\"}");
        assertProblem(register, 400, "validation_failed");
        assertTrue(register.errors().containsKey("password"), register.body());
        // A real pair is one character and goes through: the login fails on the credentials, not on the body.
        assertProblem(post("/api/auth/login", "{\"login\":\"a@example.com\",\"password\":\"Pw\\ud83d\\ude00x\"}"),
                401, "invalid_credentials");
    }

    @Test
    void nulInAJsonStringIsRefusedInEveryDialect() throws IOException {
        for (String path : LOGINS) {
            assertRefused(path, "{\"login\":\"a\\u0000b\",\"username\":\"a\\u0000b\",\"password\":\"x\"}"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Response response = post("/api/auth/register", "{\"email\":\"nul@example.com\",\"password\":\"long enough\",\"first_name\":\"a\\u0000\"}");
        assertProblem(response, 400, "validation_failed");
        assertTrue(response.errors().containsKey("first_name"), response.body());
    }

    @Test
    void invalidUtf8IsRefusedInEveryDialect() throws IOException {
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}};
        for (String path : LOGINS) {
            for (byte[] bytes : bad) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes("{\"login\":\"a".getBytes(StandardCharsets.US_ASCII));
                body.writeBytes(bytes);
                body.writeBytes("\",\"username\":\"a\",\"password\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
                assertRefused(path, body.toByteArray());
            }
        }
    }

    @Test
    void duplicateKeysAreRefusedInEveryDialect() throws IOException {
        for (String path : LOGINS) {
            assertRefused(path, "{\"login\":\"a\",\"username\":\"a\",\"password\":\"x\",\"password\":\"y\"}"
                    .getBytes(StandardCharsets.UTF_8));
        }
        String drf = rawPost("/dj-rest-auth/login/", "{\"username\":\"a\",\"username\":\"b\",\"password\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(drf.contains("Content-Type: application/json") || drf.contains("content-type: application/json"), drf);
        assertTrue(drf.contains("\"detail\":\"username: This field is sent more than once.\""), drf);
        Response nested = post("/api/auth/register", "{\"email\":\"dup@example.com\",\"password\":\"long enough\",\"email\":\"x@example.com\"}");
        assertProblem(nested, 400, "validation_failed");
        assertEquals(List.of("This field is sent more than once."), nested.errors().get("email"), nested.body());
    }

    /** A 400 in the path's own shape: problem+json, or DRF's {"detail": ...} under /dj-rest-auth. */
    private void assertRefused(String path, byte[] body) throws IOException {
        String answer = rawPost(path, body);
        assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
        String expected = path.startsWith("/dj-rest-auth") ? "application/json" : "application/problem+json";
        assertTrue(answer.toLowerCase().contains("content-type: " + expected), path + ": " + answer);
    }

    private String rawPost(String path, byte[] body) throws IOException {
        try (Socket socket = socket()) {
            send(socket, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n");
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return readUntilClosed(socket);
        }
    }

    @Test
    void nulInTheAdminSearchIsA400NamingTheQuery() {
        String admin = bearer(adminToken());
        Response response = get("/api/admin/users?query=%00", "Authorization", admin);
        assertProblem(response, 400, "validation_failed");
        assertEquals(List.of("Must not contain a NUL character."), response.errors().get("query"), response.body());
        assertProblem(get("/api/admin/audit?event_type=a%00b", "Authorization", admin), 400, "validation_failed");
        assertProblem(get("/api/admin/users/%00", "Authorization", admin), 400, "validation_failed");
        assertEquals(200, get("/api/admin/users?query=%2500", "Authorization", admin).status(), "an escaped percent sign is no NUL");
    }

    @Test
    void contentLengthWithTransferEncodingIsA400AndTheConnectionCloses() throws IOException {
        try (Socket socket = socket()) {
            String body = "{\"login\":\"a\",\"password\":\"b\"}";
            send(socket, "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
            String answer = readUntilClosed(socket);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("\"code\":\"bad_request\""), answer);
        }
    }

    @Test
    void chunkedAloneIsStillServed() throws IOException {
        try (Socket socket = socket()) {
            String body = "{\"token\":\"x\"}";
            send(socket, "POST /api/auth/token/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
            String answer = readUntilClosed(socket);
            assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        }
    }

    @Test
    void aRequestDribbledByteByByteGetsA408AndTheConnectionCloses() throws Exception {
        try (Socket socket = socket()) {
            byte[] request = "GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            int sent = 0;
            try {
                // 700 ms per byte never leaves the connection idle for long, but the whole request would take a minute.
                // Look for the answer before each byte: writing to a closed socket would reset it and lose the answer.
                while (sent < request.length && System.nanoTime() - start < 8_000_000_000L
                        && socket.getInputStream().available() == 0) {
                    out.write(request[sent++]);
                    out.flush();
                    Thread.sleep(700);
                }
            } catch (IOException closed) {
                // the server closed while we were still writing: fine, read what it said
            }
            assertTrue(sent < request.length, "the server waited for the whole dribbled request");
            String answer = readUntilClosed(socket);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"code\":\"request_timeout\""), answer);
        }
    }

    @Test
    void aPromptRequestOnAKeptConnectionIsNotCutByTheTimer() throws Exception {
        try (Socket socket = socket()) {
            String request = "GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\n\r\n";
            send(socket, request);
            assertTrue(readResponseHead(socket).startsWith("HTTP/1.1 401"));
            Thread.sleep(2500); // longer than the read timeout, but the connection is idle, not mid-request
            send(socket, request);
            assertTrue(readResponseHead(socket).startsWith("HTTP/1.1 401"));
        }
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open. */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open after: " + all.toString(StandardCharsets.UTF_8));
        } catch (IOException reset) {
            // a reset after the answer still counts as closed
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** The status line and headers of one response, then its body by Content-Length. */
    private static String readResponseHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed after: " + head);
            }
            head.append((char) b);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
        return head.toString();
    }
}
