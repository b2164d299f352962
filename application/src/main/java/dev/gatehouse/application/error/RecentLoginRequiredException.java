package dev.gatehouse.application.error;

/** A grave change (adding a second factor) needs a session opened a short while ago: log in again first. */
public final class RecentLoginRequiredException extends GatehouseException {
    public RecentLoginRequiredException() {
        super("Log in again to do this: it needs a recent login.");
    }

    @Override
    public String code() {
        return "recent_login_required";
    }
}
