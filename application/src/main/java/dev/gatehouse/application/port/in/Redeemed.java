package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.User;
import java.util.Objects;
import java.util.Optional;

/**
 * What a redeemed proof gave: the user, and the new session's tokens when {@link SignIn#START_SESSION} was asked for.
 * A mailed link is not a second factor: for a user with MFA on, {@link SignIn#START_SESSION} opens no session but
 * a pending login instead ({@code mfaRequired}), which a code completes as after a password.
 */
public record Redeemed(User user, Optional<IssuedTokens> tokens, Optional<LogInUseCase.LogInResult.MfaRequired> mfaRequired) {
    public Redeemed {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(mfaRequired, "mfaRequired");
    }

    public Redeemed(User user, Optional<IssuedTokens> tokens) {
        this(user, tokens, Optional.empty());
    }

    /** The user with the session's tokens; only for a redemption that was asked to sign in. */
    public AuthenticatedUser authenticated() {
        return new AuthenticatedUser(user, tokens.orElseThrow(() -> new IllegalStateException("redeemed without a session")));
    }
}
