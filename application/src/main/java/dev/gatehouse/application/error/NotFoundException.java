package dev.gatehouse.application.error;

public final class NotFoundException extends GatehouseException {
    public NotFoundException(String what) {
        super(what + " not found.");
    }

    @Override
    public String code() {
        return "not_found";
    }
}
