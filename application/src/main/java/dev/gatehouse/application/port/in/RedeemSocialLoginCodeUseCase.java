package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;

/** Exchanges the one-time code of a finished browser sign-in for a token pair (once, within a minute). */
public interface RedeemSocialLoginCodeUseCase {
    /** @param codeVerifier the frontend's PKCE verifier, required when it gave a challenge at authorize; else null */
    SocialSignInResult redeem(String code, String codeVerifier, ClientInfo client);
}
