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
        return Map.of("auth.http.request-read-timeout", "2s");
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
