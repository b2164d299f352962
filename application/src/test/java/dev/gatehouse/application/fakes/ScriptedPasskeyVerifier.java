package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.PasskeyVerifier;
import dev.gatehouse.domain.passkey.Passkey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A verifier for service tests: the "credential" is {@code key=value;…} text saying what a real verifier would find
 * (challenge, credential id, user handle, sign count) and whether it would refuse ({@code fail=reason}).
 * The WebAuthn checks themselves are the adapter's, proved against webauthn4j in adapters-crypto.
 */
public final class ScriptedPasskeyVerifier implements PasskeyVerifier {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static String credential(byte[] challenge, byte[] credentialId, byte[] userHandle, long count, String fail) {
        return "challenge=" + B64.encodeToString(challenge) + ";id=" + B64.encodeToString(credentialId)
                + (userHandle == null ? "" : ";user=" + B64.encodeToString(userHandle)) + ";count=" + count
                + (fail == null ? "" : ";fail=" + fail);
    }

    private static Map<String, String> parse(String json) {
        Map<String, String> fields = new HashMap<>();
        for (String part : json.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new RejectedException("malformed");
            }
            fields.put(kv[0], kv[1]);
        }
        if (!fields.containsKey("challenge") || !fields.containsKey("id")) {
            throw new RejectedException("malformed");
        }
        return fields;
    }

    private static byte[] bytes(String b64) {
        return b64 == null ? null : Base64.getUrlDecoder().decode(b64);
    }

    private static void check(Map<String, String> f, byte[] challenge) {
        if (f.containsKey("fail")) {
            throw new RejectedException(f.get("fail"));
        }
        if (!java.util.Arrays.equals(bytes(f.get("challenge")), challenge)) {
            throw new RejectedException("challenge mismatch");
        }
    }

    @Override
    public byte[] registrationChallenge(String credentialJson) {
        return bytes(parse(credentialJson).get("challenge"));
    }

    @Override
    public NewCredential verifyRegistration(String credentialJson, byte[] challenge) {
        Map<String, String> f = parse(credentialJson);
        check(f, challenge);
        return new NewCredential(bytes(f.get("id")), new byte[] {1}, Long.parseLong(f.get("count")), true, true, true, List.of("internal"));
    }

    @Override
    public AssertionClaims readAssertion(String credentialJson) {
        Map<String, String> f = parse(credentialJson);
        return new AssertionClaims(bytes(f.get("id")), bytes(f.get("challenge")), bytes(f.get("user")));
    }

    @Override
    public VerifiedAssertion verifyAssertion(String credentialJson, byte[] challenge, Passkey passkey) {
        Map<String, String> f = parse(credentialJson);
        check(f, challenge);
        return new VerifiedAssertion(Long.parseLong(f.get("count")), true);
    }
}
