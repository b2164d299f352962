package dev.gatehouse.application.error;

/** The request needs the other state of the caller's second factor: set up while on, or turned off while off. */
public final class MfaStateException extends GatehouseException {
    private final boolean enabled;

    private MfaStateException(boolean enabled, String message) {
        super(message);
        this.enabled = enabled;
    }

    public static MfaStateException alreadyEnabled() {
        return new MfaStateException(true, "MFA is already enabled. Turn it off before setting it up again.");
    }

    public static MfaStateException notEnabled() {
        return new MfaStateException(false, "MFA is not enabled.");
    }

    /** True: refused because MFA is on; false: because it is off. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String code() {
        return enabled ? "mfa_already_enabled" : "mfa_not_enabled";
    }
}
