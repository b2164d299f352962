package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.mfa.TotpEnrolment;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each user's authenticator app (its secret sealed at rest) and recovery codes (hashes only). */
public interface SecondFactorRepository {
    Optional<TotpEnrolment> findTotp(UserId userId);

    /** Finds the enrolment and locks it until the transaction ends: two requests never both accept one code. */
    Optional<TotpEnrolment> lockTotp(UserId userId);

    /** Stores a pending enrolment, replacing an earlier pending one; an active one is left as it is. */
    void savePending(TotpEnrolment pending);

    /** Writes confirmation and last use of an existing enrolment. */
    void update(TotpEnrolment enrolment);

    /** Removes the authenticator app and every recovery code of the user. */
    void deleteAll(UserId userId);

    /** Replaces every recovery code of the user by these. */
    void replaceRecoveryCodes(UserId userId, List<TokenHash> hashes, Instant now);

    /** Marks the code used if it is the user's and unused; true when it was. */
    boolean spendRecoveryCode(UserId userId, TokenHash hash, Instant now);

    int recoveryCodesLeft(UserId userId);
}
