package dev.gatehouse.adapter.out.persistence;

/**
 * Authenticated encryption for what this adapter stores and must read back (not hash): the mail
 * parameters that carry a token. {@code context} binds a ciphertext to its place. No use case needs
 * it, so it is this adapter's collaborator, not an application port; bootstrap hands it the crypto
 * adapter's AES-GCM.
 */
public interface Sealer {
    byte[] seal(byte[] plaintext, String context);

    /** @throws IllegalStateException when the ciphertext was not sealed with this key and context */
    byte[] open(byte[] sealed, String context);
}
