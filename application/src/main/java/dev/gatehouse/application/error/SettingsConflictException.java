package dev.gatehouse.application.error;

/** A settings write named a version that is no longer the stored one: someone else changed them since. */
public final class SettingsConflictException extends GatehouseException {
    public SettingsConflictException(long expected, long stored) {
        super("The settings changed since version " + expected + " was read (now version " + stored
                + "); read them again and reapply the change.");
    }

    @Override
    public String code() {
        return "version_conflict";
    }
}
