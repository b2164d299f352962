package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.UserId;

/** An administrator turns a user's MFA off (a lost phone and no recovery code left); audited. */
public interface ResetMfaUseCase {
    /**
     * @throws dev.gatehouse.application.error.PermissionDeniedException the caller is not an administrator
     * @throws dev.gatehouse.application.error.NotFoundException         no such user
     */
    void resetMfa(Principal admin, UserId userId);
}
