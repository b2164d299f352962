package dev.gatehouse.domain.passkey;

import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A WebAuthn credential registered to one user. {@code credentialData} is the authenticator's attested
 * credential data (AAGUID, credential id, COSE public key) exactly as it was registered: the domain keeps it
 * opaque, the verifier adapter reads it. The sign counter and the backup flags are the authenticator's own
 * statements, kept from one sign-in to the next.
 */
public final class Passkey {
    private final PasskeyId id;
    private final UserId userId;
    private final byte[] credentialId;
    private final byte[] credentialData;
    private final List<String> transports;
    private final boolean backupEligible;
    private final boolean userVerifiedAtRegistration;
    private final Instant createdAt;
    private PasskeyName name;
    private long signCount;
    private boolean backedUp;
    private Instant lastUsedAt;

    private Passkey(PasskeyId id, UserId userId, byte[] credentialId, byte[] credentialData, List<String> transports,
                    boolean backupEligible, boolean userVerifiedAtRegistration, Instant createdAt, PasskeyName name,
                    long signCount, boolean backedUp, Instant lastUsedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId").clone();
        this.credentialData = Objects.requireNonNull(credentialData, "credentialData").clone();
        this.transports = List.copyOf(transports == null ? List.of() : transports);
        this.backupEligible = backupEligible;
        this.userVerifiedAtRegistration = userVerifiedAtRegistration;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.name = Objects.requireNonNull(name, "name");
        if (signCount < 0 || signCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a sign counter is an unsigned 32-bit number");
        }
        this.signCount = signCount;
        this.backedUp = backedUp;
        this.lastUsedAt = lastUsedAt;
        if (credentialId.length == 0 || credentialId.length > MAX_CREDENTIAL_ID) {
            throw new IllegalArgumentException("a credential id is 1 to 1023 bytes");
        }
    }

    /** WebAuthn Level 3 caps credential ids at 1023 bytes. */
    public static final int MAX_CREDENTIAL_ID = 1023;

    public static Passkey register(PasskeyId id, UserId userId, byte[] credentialId, byte[] credentialData,
                                   List<String> transports, boolean backupEligible, boolean backedUp,
                                   boolean userVerified, long signCount, PasskeyName name, Instant now) {
        return new Passkey(id, userId, credentialId, credentialData, transports, backupEligible, userVerified, now, name,
                signCount, backedUp, null);
    }

    public static Passkey reconstitute(PasskeyId id, UserId userId, byte[] credentialId, byte[] credentialData,
                                       List<String> transports, boolean backupEligible, boolean userVerifiedAtRegistration,
                                       Instant createdAt, PasskeyName name, long signCount, boolean backedUp,
                                       Instant lastUsedAt) {
        return new Passkey(id, userId, credentialId, credentialData, transports, backupEligible,
                userVerifiedAtRegistration, createdAt, name, signCount, backedUp, lastUsedAt);
    }

    /**
     * Whether a sign-in with this counter may be a copy of the key (WebAuthn §6.1.1): once an authenticator
     * counts, every assertion must count higher. Authenticators that never count (synced passkeys send 0)
     * stay at 0 and are accepted.
     */
    public boolean counterRegresses(long presented) {
        return (presented != 0 || signCount != 0) && presented <= signCount;
    }

    /** A verified sign-in: the counter and the backup state move to what the authenticator said. */
    public void recordUse(long presentedCount, boolean nowBackedUp, Instant now) {
        if (counterRegresses(presentedCount)) {
            throw new IllegalStateException("the sign counter went backwards; refuse the sign-in instead");
        }
        this.signCount = presentedCount;
        this.backedUp = nowBackedUp;
        this.lastUsedAt = now;
    }

    public void rename(PasskeyName newName) {
        this.name = Objects.requireNonNull(newName, "newName");
    }

    public boolean hasCredentialId(byte[] candidate) {
        return Arrays.equals(credentialId, candidate);
    }

    public PasskeyId id() { return id; }
    public UserId userId() { return userId; }
    public byte[] credentialId() { return credentialId.clone(); }
    public byte[] credentialData() { return credentialData.clone(); }
    public List<String> transports() { return transports; }
    public boolean backupEligible() { return backupEligible; }
    public boolean userVerifiedAtRegistration() { return userVerifiedAtRegistration; }
    public Instant createdAt() { return createdAt; }
    public PasskeyName name() { return name; }
    public long signCount() { return signCount; }
    public boolean backedUp() { return backedUp; }
    public Instant lastUsedAt() { return lastUsedAt; }
}
