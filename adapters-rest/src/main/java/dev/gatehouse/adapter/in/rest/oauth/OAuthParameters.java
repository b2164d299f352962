package dev.gatehouse.adapter.in.rest.oauth;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth request's parameters, read from its {@code application/x-www-form-urlencoded} body as RFC 6749
 * §3.2 asks: each at most once (a repeated one is {@code invalid_request}), empty ones treated as absent,
 * values strict UTF-8 without control characters and bounded.
 */
public final class OAuthParameters {
    static final int MAX_VALUE = 4096;
    private final Map<String, String> values;

    private OAuthParameters(Map<String, String> values) {
        this.values = values;
    }

    /** @throws OAuthError invalid_request for a body that is not a proper form */
    public static OAuthParameters parse(String contentType, String body) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw OAuthError.invalidRequest("The request body must be application/x-www-form-urlencoded (RFC 6749 §3.2).");
        }
        Map<String, String> values = new HashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                // Values may hold what a password may; only NUL, which no stored text can hold, is refused.
                if (value.length() > MAX_VALUE || value.indexOf('\0') >= 0 || hasControl(name)) {
                    throw OAuthError.invalidRequest("A parameter is too long or holds a NUL character.");
                }
                if (values.containsKey(name)) {
                    throw OAuthError.invalidRequest("The parameter " + printable(name) + " is sent more than once.");
                }
                values.put(name, value);
            }
        }
        return new OAuthParameters(values);
    }

    private static String decode(String raw) {
        try {
            String decoded = URLDecoder.decode(raw, StandardCharsets.ISO_8859_1);
            // Percent-decoding gave bytes (one per char); they must be UTF-8.
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw OAuthError.invalidRequest("The request body is not a valid form (percent-encoded UTF-8).");
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String printable(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,64}") ? name : "(unnamed)";
    }

    /** The value, or null when absent or empty (RFC 6749 §3.1: parameters sent without a value are omitted). */
    public String get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The value; absent is invalid_request naming it. */
    public String require(String name) {
        String value = get(name);
        if (value == null) {
            throw OAuthError.invalidRequest("The parameter " + name + " is required.");
        }
        return value;
    }

    /** RFC 6749 §3.3 scope: space-delimited tokens of %x21 / %x23-5B / %x5D-7E; null when none was asked for. */
    public Set<String> scopes() {
        String raw = get("scope");
        if (raw == null) {
            return null;
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String token : raw.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!isScopeToken(token)) {
                throw new OAuthError(400, "invalid_scope", "The scope is not a list of scope tokens (RFC 6749 §3.3).");
            }
            scopes.add(token);
        }
        return scopes.isEmpty() ? null : scopes;
    }

    static boolean isScopeToken(String token) {
        return !token.isEmpty() && token.length() <= 128
                && token.chars().allMatch(c -> c == 0x21 || c >= 0x23 && c <= 0x5b || c >= 0x5d && c <= 0x7e);
    }

    static boolean isClientId(String id) {
        return !id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':' && c != ',');
    }

    /** Credentials of an {@code Authorization: Basic} header (RFC 6749 §2.3.1: each part form-decoded), or empty. */
    public record BasicCredentials(String id, String secret) {
        @Override
        public String toString() {
            return "BasicCredentials[id=" + id + "]";
        }
    }

    /** @throws OAuthError invalid_client for a Basic header that cannot be read */
    public static Optional<BasicCredentials> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient("The Basic credentials are not id:secret.");
            }
            return Optional.of(new BasicCredentials(decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("The Basic credentials are not base64.");
        }
    }
}
