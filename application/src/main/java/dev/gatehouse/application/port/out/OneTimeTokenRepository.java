package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.util.Optional;

/** Email-verification and password-reset tokens, by hash. */
public interface OneTimeTokenRepository {
    /** Stores the token and deletes every unused older token of the same user and purpose: only the newest works. */
    void issue(OneTimeToken token);

    Optional<OneTimeToken> find(TokenHash hash);

    /** Finds a token and locks it until the transaction ends, so it is spent exactly once. */
    Optional<OneTimeToken> lock(TokenHash hash);

    void markUsed(OneTimeToken used);

    /** Deletes every unused token of the user for that purpose (after a password change, say). */
    void discardUnused(UserId userId, OneTimeToken.Purpose purpose);
}
