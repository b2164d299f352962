package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

/**
 * The provider's redirect back: spends the pending authorization, redeems the provider's code and
 * answers where to send the browser, to the flow's {@code redirect_to} with either a one-time {@code code}
 * or an {@code error}. Never a token in a URL.
 */
public interface CompleteSocialLoginUseCase {
    /** @param error the provider's {@code error} parameter (the user said no), or null */
    record CompleteSocialLoginCommand(String provider, String state, String code, String error, ClientInfo client) {
        public CompleteSocialLoginCommand {
            Objects.requireNonNull(provider, "provider");
            client = client == null ? ClientInfo.UNKNOWN : client;
        }

        @Override
        public String toString() {
            return "CompleteSocialLoginCommand[provider=" + provider + ", error=" + error + "]";
        }
    }

    /**
     * @throws dev.gatehouse.application.error.SocialLoginException {@code oauth_state_invalid} when the state is
     *         unknown, spent or expired: there is no redirect_to to report to
     */
    String complete(CompleteSocialLoginCommand command);
}
