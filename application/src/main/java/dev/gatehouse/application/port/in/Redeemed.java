package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.User;
import java.util.Objects;
import java.util.Optional;

/** What a redeemed proof gave: the user, and the new session's tokens when {@link SignIn#START_SESSION} was asked for. */
public record Redeemed(User user, Optional<IssuedTokens> tokens) {
    public Redeemed {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** The user with the session's tokens; only for a redemption that was asked to sign in. */
    public AuthenticatedUser authenticated() {
        return new AuthenticatedUser(user, tokens.orElseThrow(() -> new IllegalStateException("redeemed without a session")));
    }
}
