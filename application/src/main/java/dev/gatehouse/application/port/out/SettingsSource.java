package dev.gatehouse.application.port.out;

import dev.gatehouse.application.settings.AuthSettings;

/**
 * Where the use cases read their settings from on every call. Runtime-tunable values (token
 * lifetimes, verification mode, limits) live in the database and change without a restart.
 */
@FunctionalInterface
public interface SettingsSource {
    AuthSettings current();

    /** Settings that never change (tests, tools); the settings themselves know nothing of sources. */
    static SettingsSource fixed(AuthSettings settings) {
        return () -> settings;
    }
}
