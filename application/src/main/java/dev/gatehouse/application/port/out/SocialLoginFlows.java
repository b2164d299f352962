package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Server-side state of the browser flow, in shared storage so that any instance can finish a flow
 * another began: the pending authorization (keyed by the hash of {@code state}) and the one-time code
 * handed to the frontend at the end (keyed by its hash). Both are short-lived and single use: taking
 * one removes it, so a replay finds nothing.
 */
public interface SocialLoginFlows {
    /** Why the flow was started: to sign in, or to connect the identity to the signed-in caller. */
    enum Intent { LOGIN, CONNECT }

    /**
     * @param codeVerifier    the PKCE verifier (a secret until the code is redeemed: the store keeps it encrypted)
     * @param clientChallenge the frontend's own S256 challenge, or null: the code it gets back is then redeemed
     *                        only with the matching verifier, so a code injected into another browser is useless
     */
    record PendingAuthorization(TokenHash state, String provider, String redirectTo, Intent intent, String codeVerifier,
                                String nonce, String clientChallenge, Instant expiresAt) {
        public PendingAuthorization {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(redirectTo, "redirectTo");
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(codeVerifier, "codeVerifier");
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "PendingAuthorization[provider=" + provider + ", intent=" + intent + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * The result of a finished flow, waiting for the frontend to redeem it: for a sign-in the user it signed
     * in; for a connection the identity the provider vouched for (linked once the caller presents the code).
     */
    record FlowCode(TokenHash code, Intent intent, String provider, UserId user, ProviderIdentity identity, String clientChallenge,
                    Instant expiresAt) {
        public FlowCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (intent == Intent.LOGIN ? user == null : identity == null) {
                throw new IllegalArgumentException("a sign-in code names a user, a connection code an identity");
            }
        }

        @Override
        public String toString() {
            return "FlowCode[provider=" + provider + ", intent=" + intent + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** Stores a pending authorization (and drops expired ones). */
    void begin(PendingAuthorization pending, Instant now);

    /** Removes and returns the pending authorization, unless it is unknown or expired. */
    Optional<PendingAuthorization> take(TokenHash state, Instant now);

    void issue(FlowCode code, Instant now);

    /** Removes and returns the code, unless it is unknown or expired. */
    Optional<FlowCode> redeem(TokenHash code, Instant now);
}
