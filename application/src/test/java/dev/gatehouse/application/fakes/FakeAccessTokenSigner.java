package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes the claims in the token as {@code fake.<base64url payload>.<digest>}; only a token whose
 * digest matches its payload verifies, so any edit to a signed token is refused.
 */
public final class FakeAccessTokenSigner implements AccessTokenSigner {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String SEPARATOR = "\n";

    public int signed;

    @Override
    public String sign(AccessTokenClaims c) {
        signed++;
        String payload = String.join(SEPARATOR, c.issuer(), c.subject(), c.audience(), c.issuedAt().toString(),
                c.expiresAt().toString(), c.jwtId(), c.sessionId(), c.role(), Boolean.toString(c.emailVerified()));
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return "fake." + encoded + "." + digest(encoded);
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals("fake") || !parts[2].equals(digest(parts[1]))) {
            return Optional.empty();
        }
        String[] f = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        return Optional.of(new AccessTokenClaims(f[0], f[1], f[2], Instant.parse(f[3]), Instant.parse(f[4]), f[5], f[6],
                f[7], Boolean.parseBoolean(f[8])));
    }

    @Override
    public List<Map<String, Object>> publicJwks() {
        return List.of();
    }

    public int rotations;

    @Override
    public String rotate() {
        rotations++;
        return "fake-key-" + rotations;
    }

    @Override
    public void reload() {
    }

    private static String digest(String payload) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("fake-key|" + payload).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
