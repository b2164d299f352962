package dev.gatehouse.application.error;

import dev.gatehouse.application.port.in.ManageSettingsUseCase.Setting;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One or more settings are outside their bounds, each reported against its setting (the adapter names it). */
public final class SettingsRejectedException extends GatehouseException {
    private final Map<Setting, String> problems;

    public SettingsRejectedException(Map<Setting, String> problems) {
        super("One or more settings are out of bounds.");
        this.problems = Collections.unmodifiableMap(new EnumMap<>(problems));
    }

    public Map<Setting, String> problems() {
        return problems;
    }

    @Override
    public String code() {
        return "validation_failed";
    }
}
