package dev.gatehouse.adapter.out.crypto;

import dev.gatehouse.application.port.out.Sealer;

/** The {@link Sealer} port on AES-256-GCM, with the context as associated data. */
public final class AesGcmSealer implements Sealer {
    private final KeyEncryption encryption;

    public AesGcmSealer(byte[] key) {
        this.encryption = new KeyEncryption(key);
    }

    @Override
    public byte[] seal(byte[] plaintext, String context) {
        return encryption.encrypt(context, plaintext);
    }

    @Override
    public byte[] open(byte[] sealed, String context) {
        return encryption.decrypt(context, sealed);
    }
}
