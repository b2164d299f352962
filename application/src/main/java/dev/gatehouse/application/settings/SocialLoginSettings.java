package dev.gatehouse.application.settings;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * @param redirectAllowlist the exact URLs a browser flow may end at (AUTH_OAUTH_REDIRECT_ALLOWLIST)
 * @param flowTtl           how long a started browser flow may take at the provider
 * @param codeTtl           how long the one-time code handed to the frontend lives
 */
public record SocialLoginSettings(Set<String> redirectAllowlist, Duration flowTtl, Duration codeTtl) {
    public SocialLoginSettings {
        redirectAllowlist = Set.copyOf(Objects.requireNonNull(redirectAllowlist, "redirectAllowlist"));
        Objects.requireNonNull(flowTtl, "flowTtl");
        Objects.requireNonNull(codeTtl, "codeTtl");
    }
}
