package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.IdentityRepository;
import dev.gatehouse.domain.identity.ExternalIdentity;
import dev.gatehouse.domain.user.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class InMemoryIdentities implements IdentityRepository, Snapshottable {
    private final Map<UUID, ExternalIdentity> rows = new LinkedHashMap<>();
    /** The next insert fails as if a concurrent link had won. */
    public boolean raceNextInsert;

    public List<ExternalIdentity> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public Optional<ExternalIdentity> find(String provider, String subject) {
        return rows.values().stream().filter(i -> i.provider().equals(provider) && i.subject().equals(subject)).findFirst();
    }

    @Override
    public List<ExternalIdentity> ofUser(UserId user) {
        return rows.values().stream().filter(i -> i.userId().equals(user)).sorted(Comparator.comparing(ExternalIdentity::createdAt)).toList();
    }

    @Override
    public List<ExternalIdentity> lockOfUser(UserId user) {
        return ofUser(user);
    }

    @Override
    public void insert(ExternalIdentity identity) {
        if (raceNextInsert || find(identity.provider(), identity.subject()).isPresent()) {
            raceNextInsert = false;
            throw new DuplicateIdentityException();
        }
        rows.put(identity.id(), identity);
    }

    @Override
    public void update(ExternalIdentity identity) {
        rows.put(identity.id(), identity);
    }

    @Override
    public boolean delete(UserId user, UUID id) {
        ExternalIdentity row = rows.get(id);
        if (row == null || !row.userId().equals(user)) {
            return false;
        }
        rows.remove(id);
        return true;
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, ExternalIdentity> copy = new LinkedHashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(copy);
        };
    }
}
