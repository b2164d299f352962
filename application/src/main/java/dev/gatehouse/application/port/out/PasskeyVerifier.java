package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.passkey.Passkey;
import java.util.List;

/**
 * Checks what a browser's authenticator answered to a ceremony: the client data (type, challenge, origin),
 * the authenticator data (relying party id hash, user presence and verification flags) and the signature,
 * against the relying party the verifier was configured with. Credentials arrive as the JSON a browser's
 * {@code PublicKeyCredential.toJSON()} writes (binary fields base64url).
 */
public interface PasskeyVerifier {
    /** What a new credential brings, once its attestation checked out. */
    record NewCredential(byte[] credentialId, byte[] credentialData, long signCount, boolean userVerified,
                         boolean backupEligible, boolean backedUp, List<String> transports) {
    }

    /** Read from an assertion before it is verified, to find its challenge and its passkey. */
    record AssertionClaims(byte[] credentialId, byte[] challenge, byte[] userHandle) {
    }

    /** A verified assertion: what the authenticator reports now. */
    record VerifiedAssertion(long signCount, boolean backedUp) {
    }

    /** The answer is malformed, or does not verify (wrong challenge, origin, relying party, flags or signature). */
    class RejectedException extends RuntimeException {
        public RejectedException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The signature verified but the sign counter did not advance: possibly a cloned authenticator. */
    final class CounterRegressedException extends RejectedException {
        private final long presented;

        public CounterRegressedException(long presented) {
            super("sign counter did not advance");
            this.presented = presented;
        }

        public long presented() {
            return presented;
        }
    }

    /** The challenge a registration answer says it signed (not yet checked). */
    byte[] registrationChallenge(String credentialJson);

    /** Verifies a registration answer to {@code challenge}, with attestation "none" accepted. */
    NewCredential verifyRegistration(String credentialJson, byte[] challenge);

    AssertionClaims readAssertion(String credentialJson);

    /** Verifies an assertion by {@code passkey} answering {@code challenge}; user verification is required. */
    VerifiedAssertion verifyAssertion(String credentialJson, byte[] challenge, Passkey passkey);
}
