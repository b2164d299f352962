package dev.gatehouse.adapter.out.persistence;

/**
 * The sealing of TOTP secrets, kept apart from the outbox's {@link Sealer} (a key of its own, derived
 * from the master key for this purpose alone). Bootstrap hands it the crypto adapter's AES-GCM.
 */
public final class MfaSecretSealer {
    private final Sealer sealer;

    public MfaSecretSealer(Sealer sealer) {
        this.sealer = sealer;
    }

    byte[] seal(byte[] plaintext, String context) {
        return sealer.seal(plaintext, context);
    }

    byte[] open(byte[] sealed, String context) {
        return sealer.open(sealed, context);
    }
}
