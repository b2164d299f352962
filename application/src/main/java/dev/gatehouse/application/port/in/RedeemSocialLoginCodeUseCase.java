package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;

/** Exchanges the one-time code of a finished browser sign-in for a token pair (once, within a minute). */
public interface RedeemSocialLoginCodeUseCase {
    AuthenticatedUser redeem(String code, ClientInfo client);
}
