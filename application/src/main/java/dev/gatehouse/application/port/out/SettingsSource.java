package dev.gatehouse.application.port.out;

import dev.gatehouse.application.settings.AuthSettings;

/**
 * Where the use cases read their settings from on every call. Runtime-tunable values (token
 * lifetimes, verification mode, limits) live in the database and change without a restart; a
 * fixed {@link AuthSettings} is its own source (tests, tools).
 */
@FunctionalInterface
public interface SettingsSource {
    AuthSettings current();
}
