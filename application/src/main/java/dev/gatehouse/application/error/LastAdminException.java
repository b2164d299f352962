package dev.gatehouse.application.error;

/** The change would leave no active administrator: nobody could administer the service any more. */
public final class LastAdminException extends GatehouseException {
    public LastAdminException() {
        super("This is the last active administrator: make another administrator first.");
    }

    @Override
    public String code() {
        return "last_admin";
    }
}
