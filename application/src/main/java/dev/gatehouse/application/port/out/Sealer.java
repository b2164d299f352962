package dev.gatehouse.application.port.out;

/**
 * Authenticated encryption for data at rest that must be read back (not hashed): signing keys,
 * mail parameters that carry a token. {@code context} binds a ciphertext to its place.
 */
public interface Sealer {
    byte[] seal(byte[] plaintext, String context);

    /** @throws IllegalStateException when the ciphertext was not sealed with this key and context */
    byte[] open(byte[] sealed, String context);
}
