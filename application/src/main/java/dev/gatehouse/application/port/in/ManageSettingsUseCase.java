package dev.gatehouse.application.port.in;

import dev.gatehouse.application.settings.Tunables;
import java.time.Instant;

public interface ManageSettingsUseCase {
    record CurrentSettings(Tunables tunables, long version, Instant updatedAt) {
    }

    CurrentSettings get(Principal admin);

    /** Stores new values (checked against their bounds); every instance applies them within seconds. */
    CurrentSettings update(Principal admin, Tunables tunables);
}
