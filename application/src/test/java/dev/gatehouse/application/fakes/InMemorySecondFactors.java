package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.MfaChallengeRepository;
import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.domain.mfa.MfaChallenge;
import dev.gatehouse.domain.mfa.TotpEnrolment;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Authenticator apps, recovery codes and pending MFA logins in maps. */
public final class InMemorySecondFactors implements SecondFactorRepository, MfaChallengeRepository {
    private final Map<UserId, TotpEnrolment> totp = new HashMap<>();
    /** Per user: hash to used-at (null while unused). */
    private final Map<UserId, Map<TokenHash, Instant>> codes = new HashMap<>();
    public final Map<TokenHash, MfaChallenge> challenges = new HashMap<>();

    @Override
    public Optional<TotpEnrolment> findTotp(UserId userId) {
        return Optional.ofNullable(totp.get(userId));
    }

    @Override
    public Optional<TotpEnrolment> lockTotp(UserId userId) {
        return findTotp(userId);
    }

    @Override
    public void savePending(TotpEnrolment pending) {
        TotpEnrolment existing = totp.get(pending.userId());
        if (existing == null || !existing.isActive()) {
            totp.put(pending.userId(), pending);
        }
    }

    @Override
    public void update(TotpEnrolment enrolment) {
        totp.put(enrolment.userId(), enrolment);
    }

    @Override
    public void deleteAll(UserId userId) {
        totp.remove(userId);
        codes.remove(userId);
    }

    @Override
    public void replaceRecoveryCodes(UserId userId, List<TokenHash> hashes, Instant now) {
        Map<TokenHash, Instant> fresh = new HashMap<>();
        hashes.forEach(h -> fresh.put(h, null));
        codes.put(userId, fresh);
    }

    @Override
    public boolean spendRecoveryCode(UserId userId, TokenHash hash, Instant now) {
        Map<TokenHash, Instant> mine = codes.getOrDefault(userId, Map.of());
        if (mine.containsKey(hash) && mine.get(hash) == null) {
            mine.put(hash, now);
            return true;
        }
        return false;
    }

    @Override
    public int recoveryCodesLeft(UserId userId) {
        return (int) codes.getOrDefault(userId, Map.of()).values().stream().filter(v -> v == null).count();
    }

    @Override
    public void insert(MfaChallenge challenge, Instant now) {
        challenges.put(challenge.hash(), challenge);
    }

    @Override
    public Optional<MfaChallenge> find(TokenHash hash) {
        return Optional.ofNullable(challenges.get(hash));
    }

    @Override
    public Optional<MfaChallenge> lock(TokenHash hash) {
        return find(hash);
    }

    @Override
    public void update(MfaChallenge challenge) {
        challenges.put(challenge.hash(), challenge);
    }

    @Override
    public void delete(TokenHash hash) {
        challenges.remove(hash);
    }

    @Override
    public void deleteAllOf(UserId userId) {
        challenges.values().removeIf(c -> c.userId().equals(userId));
    }

    @Override
    public int purgeExpired(Instant before) {
        int size = challenges.size();
        challenges.values().removeIf(c -> c.expiresAt().isBefore(before));
        return size - challenges.size();
    }
}
