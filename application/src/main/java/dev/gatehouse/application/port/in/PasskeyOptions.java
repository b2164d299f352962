package dev.gatehouse.application.port.in;

import java.time.Duration;
import java.util.List;

/** What a browser needs to run a WebAuthn ceremony; the REST adapter writes it in the WebAuthn JSON form. */
public sealed interface PasskeyOptions {
    /** For {@code navigator.credentials.create}: a discoverable credential, user verification required, attestation none. */
    record Creation(byte[] challenge, String rpId, String rpName, byte[] userHandle, String userName, String userDisplayName,
                    List<byte[]> excludeCredentials, Duration timeout) implements PasskeyOptions {
        /** COSE algorithms offered, in order of preference: ES256 (every platform authenticator has it), EdDSA, RS256 (Windows Hello). */
        public static final List<Integer> ALGORITHMS = List.of(-7, -8, -257);
    }

    /**
     * For {@code navigator.credentials.get}. {@code allowCredentials} is always empty: every passkey registered here is
     * discoverable, so the authenticator offers its own, and an answer for a sign-in by email cannot say whether the
     * address has an account (the email only narrows which account may answer).
     */
    record Request(byte[] challenge, String rpId, List<byte[]> allowCredentials, Duration timeout) implements PasskeyOptions {
    }
}
