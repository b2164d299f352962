package dev.gatehouse.domain.passkey;

import dev.gatehouse.domain.user.UserId;
import java.nio.ByteBuffer;

/**
 * The WebAuthn user handle of an account: the 16 bytes of its id. It is no personal information (the
 * specification forbids an email there), and it is what a discoverable credential hands back at sign-in.
 */
public final class UserHandle {
    private UserHandle() {
    }

    public static byte[] of(UserId user) {
        return ByteBuffer.allocate(16).putLong(user.value().getMostSignificantBits())
                .putLong(user.value().getLeastSignificantBits()).array();
    }
}
