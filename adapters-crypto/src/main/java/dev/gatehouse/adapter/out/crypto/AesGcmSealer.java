package dev.gatehouse.adapter.out.crypto;

/** AES-256-GCM sealing with the context as associated data (the persistence adapter's outbox uses it). */
public final class AesGcmSealer {
    private final KeyEncryption encryption;

    public AesGcmSealer(byte[] key) {
        this.encryption = new KeyEncryption(key);
    }

    public byte[] seal(byte[] plaintext, String context) {
        return encryption.encrypt(context, plaintext);
    }

    public byte[] open(byte[] sealed, String context) {
        return encryption.decrypt(context, sealed);
    }
}
