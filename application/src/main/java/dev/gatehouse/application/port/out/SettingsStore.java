package dev.gatehouse.application.port.out;

import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** The runtime-tunable settings, one row shared by every instance. */
public interface SettingsStore {
    record Stored(Tunables tunables, long version, Instant updatedAt) {
    }

    Optional<Stored> load();

    /** Stores the first settings unless some instance already did; returns what is stored. */
    Stored initialise(Tunables defaults, Instant now);

    /**
     * Stores the values over version {@code expectedVersion}, as one atomic compare-and-set.
     *
     * @return what is stored now, or empty when the stored version is no longer {@code expectedVersion}
     */
    Optional<Stored> save(Tunables tunables, long expectedVersion, UserId by, Instant now);
}
