package dev.gatehouse.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who can log in. Owns the rules about its own state: who may log in, how the password
 * and profile change. Created by {@link #register}, rebuilt from storage by {@link #reconstitute}.
 */
public final class User {
    private final UserId id;
    private EmailAddress email;
    private Profile profile;
    private Role role;
    private boolean active;
    private boolean emailVerified;
    private PasswordHash passwordHash;
    private Instant passwordChangedAt;
    private final Instant dateJoined;
    private Instant lastLogin;
    private Instant updatedAt;

    private User(UserId id, EmailAddress email, Profile profile, Role role, boolean active, boolean emailVerified,
                 PasswordHash passwordHash, Instant passwordChangedAt, Instant dateJoined, Instant lastLogin, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.role = Objects.requireNonNull(role, "role");
        this.active = active;
        this.emailVerified = emailVerified;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.passwordChangedAt = Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        this.dateJoined = Objects.requireNonNull(dateJoined, "dateJoined");
        this.lastLogin = lastLogin;
        this.updatedAt = updatedAt == null ? dateJoined : updatedAt;
    }

    /** A new account: a viewer, active, email not yet verified. */
    public static User register(UserId id, EmailAddress email, Profile profile, PasswordHash hash, Instant now) {
        return new User(id, email, profile, Role.VIEWER, true, false, hash, now, now, null, now);
    }

    public static User reconstitute(UserId id, EmailAddress email, Profile profile, Role role, boolean active,
                                    boolean emailVerified, PasswordHash passwordHash, Instant passwordChangedAt,
                                    Instant dateJoined, Instant lastLogin, Instant updatedAt) {
        return new User(id, email, profile, role, active, emailVerified, passwordHash, passwordChangedAt, dateJoined, lastLogin,
                updatedAt);
    }

    /** The store's time of its last write of this account (Django's auto_now {@code updated}); set by the store. */
    public void markWritten(Instant at) {
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public void recordLogin(Instant now) {
        this.lastLogin = now;
    }

    public void changePassword(PasswordHash newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        this.passwordChangedAt = now;
    }

    /** Same password, stronger parameters: the change time stays, so no token dies of it. */
    public void upgradePasswordHash(PasswordHash stronger) {
        this.passwordHash = Objects.requireNonNull(stronger, "stronger");
    }

    public void updateProfile(Profile newProfile) {
        this.profile = Objects.requireNonNull(newProfile, "newProfile");
    }

    public void confirmEmail() {
        this.emailVerified = true;
    }

    /** The address moves to one whose owner just proved it (an email-change link): it counts as verified. */
    public void changeEmail(EmailAddress proven) {
        this.email = Objects.requireNonNull(proven, "proven");
        this.emailVerified = true;
    }

    /** An administrator's correction: the address is to be proved again. */
    public void unconfirmEmail() {
        this.emailVerified = false;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public void assignRole(Role newRole) {
        this.role = Objects.requireNonNull(newRole, "newRole");
    }

    public UserId id() { return id; }
    public EmailAddress email() { return email; }
    public Profile profile() { return profile; }
    public Username username() { return profile.username(); }
    public Role role() { return role; }
    public boolean isActive() { return active; }
    public boolean isEmailVerified() { return emailVerified; }
    public PasswordHash passwordHash() { return passwordHash; }
    public Instant passwordChangedAt() { return passwordChangedAt; }
    public Instant dateJoined() { return dateJoined; }
    public Instant lastLogin() { return lastLogin; }
    public Instant updatedAt() { return updatedAt; }
}
