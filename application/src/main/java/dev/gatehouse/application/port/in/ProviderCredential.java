package dev.gatehouse.application.port.in;

import java.util.Objects;

/**
 * What a client presents to prove who it is at an identity provider. Its values are secrets: never
 * printed.
 */
public sealed interface ProviderCredential {
    /** Longest credential accepted; an id_token with a few claims is about 1 KiB. */
    int MAX_LENGTH = 16 * 1024;

    /** An id_token a native app got from the provider, and the nonce it asked for (or null). */
    record IdToken(String idToken, String nonce) implements ProviderCredential {
        public IdToken {
            check(idToken);
            if (nonce != null && (nonce.isEmpty() || nonce.length() > 512)) {
                throw new IllegalArgumentException("a nonce is 1 to 512 characters");
            }
        }

        @Override
        public String toString() {
            return "IdToken[redacted]";
        }
    }


    /** An authorization code a frontend got from the provider itself, exchanged with our client credentials. */
    record AuthorizationCode(String code) implements ProviderCredential {
        public AuthorizationCode {
            check(code);
        }

        @Override
        public String toString() {
            return "AuthorizationCode[redacted]";
        }
    }

    /**
     * The one-time code our own browser flow handed to the frontend (a flow started to connect), with the PKCE
     * verifier of the challenge that frontend gave at authorize: without it, a code obtained by someone else could
     * be slipped to a signed-in victim's frontend and link that someone's identity to the victim's account.
     */
    record FlowCode(String code, String codeVerifier) implements ProviderCredential {
        public FlowCode {
            check(code);
        }

        @Override
        public String toString() {
            return "FlowCode[redacted]";
        }
    }

    private static void check(String value) {
        Objects.requireNonNull(value, "credential");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a credential is 1 to " + MAX_LENGTH + " characters");
        }
    }
}
