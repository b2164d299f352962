package dev.gatehouse.application.error;

public final class PermissionDeniedException extends GatehouseException {
    public PermissionDeniedException() {
        super("You do not have permission to perform this action.");
    }

    @Override
    public String code() {
        return "permission_denied";
    }
}
