package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.PasskeyChallengeRepository;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passkeys and their challenges in memory; passkeys are stored as copies, as a database would. */
public final class InMemoryPasskeys implements PasskeyRepository, PasskeyChallengeRepository {
    private final Map<PasskeyId, Passkey> passkeys = new LinkedHashMap<>();
    public final Map<TokenHash, PasskeyChallenge> challenges = new HashMap<>();

    private static Passkey copy(Passkey p) {
        return Passkey.reconstitute(p.id(), p.userId(), p.credentialId(), p.credentialData(), p.transports(), p.backupEligible(),
                p.userVerifiedAtRegistration(), p.createdAt(), p.name(), p.signCount(), p.backedUp(), p.lastUsedAt());
    }

    @Override
    public void insert(Passkey passkey) {
        if (passkeys.values().stream().anyMatch(p -> p.hasCredentialId(passkey.credentialId()))) {
            throw new DuplicatePasskeyException();
        }
        passkeys.put(passkey.id(), copy(passkey));
    }

    @Override
    public Optional<Passkey> findByCredentialId(byte[] credentialId) {
        return passkeys.values().stream().filter(p -> p.hasCredentialId(credentialId)).findFirst().map(InMemoryPasskeys::copy);
    }

    @Override
    public List<Passkey> listFor(UserId user) {
        return new ArrayList<>(passkeys.values().stream().filter(p -> p.userId().equals(user))
                .sorted(Comparator.comparing(Passkey::createdAt)).map(InMemoryPasskeys::copy).toList());
    }

    @Override
    public Optional<Passkey> find(UserId user, PasskeyId id) {
        return Optional.ofNullable(passkeys.get(id)).filter(p -> p.userId().equals(user)).map(InMemoryPasskeys::copy);
    }

    @Override
    public void rename(Passkey passkey) {
        Passkey stored = passkeys.get(passkey.id());
        if (stored != null) {
            Passkey renamed = copy(stored);
            renamed.rename(passkey.name());
            passkeys.replace(passkey.id(), renamed);
        }
    }

    @Override
    public boolean recordUse(Passkey passkey, long previousCount) {
        Passkey stored = passkeys.get(passkey.id());
        if (stored == null || stored.signCount() != previousCount) {
            return false;
        }
        passkeys.replace(passkey.id(), copy(passkey));
        return true;
    }

    @Override
    public boolean delete(UserId user, PasskeyId id) {
        return find(user, id).isPresent() && passkeys.remove(id) != null;
    }

    public Passkey stored(PasskeyId id) {
        return copy(passkeys.get(id));
    }

    @Override
    public void save(PasskeyChallenge challenge) {
        challenges.put(challenge.hash(), challenge);
    }

    @Override
    public Optional<PasskeyChallenge> take(TokenHash hash, PasskeyChallenge.Ceremony ceremony, Instant now) {
        PasskeyChallenge c = challenges.get(hash);
        if (c == null || c.ceremony() != ceremony) {
            return Optional.empty();
        }
        challenges.remove(hash);
        return Optional.of(c).filter(x -> x.isLiveAt(now));
    }

    @Override
    public int purge(Instant before) {
        int size = challenges.size();
        challenges.values().removeIf(c -> c.expiresAt().isBefore(before));
        return size - challenges.size();
    }
}
