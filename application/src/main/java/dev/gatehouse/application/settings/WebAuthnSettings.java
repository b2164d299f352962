package dev.gatehouse.application.settings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relying party passkeys are bound to.
 *
 * @param rpId       the relying party id: a registrable domain suffix of every origin's host ({@code example.com}
 *                   serves {@code https://login.example.com}); a passkey made for one id never signs in at another
 * @param rpName     shown by the browser while a passkey is created
 * @param origins    the exact origins ({@code scheme://host[:port]}) whose pages may run the ceremonies
 * @param ceremonyTtl how long a challenge stays usable
 */
public record WebAuthnSettings(String rpId, String rpName, List<String> origins, Duration ceremonyTtl) {
    public static final Duration DEFAULT_CEREMONY_TTL = Duration.ofMinutes(5);
    /** An origin as browsers write it into client data: scheme, host, optional port; nothing after. */
    private static final Pattern ORIGIN = Pattern.compile("(https?)://([A-Za-z0-9.-]+)(:[0-9]{1,5})?");

    public WebAuthnSettings {
        Objects.requireNonNull(rpId, "rpId");
        rpId = rpId.strip().toLowerCase(Locale.ROOT);
        if (rpId.isEmpty() || rpId.contains("/") || rpId.contains(":")) {
            throw new IllegalArgumentException("AUTH_WEBAUTHN_RP_ID must be a host name such as example.com, was " + rpId);
        }
        rpName = rpName == null || rpName.isBlank() ? rpId : rpName.strip();
        origins = List.copyOf(origins);
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("AUTH_WEBAUTHN_ORIGINS names no origin");
        }
        for (String origin : origins) {
            Matcher m = ORIGIN.matcher(origin);
            if (!m.matches()) {
                throw new IllegalArgumentException("AUTH_WEBAUTHN_ORIGINS: " + origin + " is not an origin (http[s]://host[:port])");
            }
            String host = m.group(2).toLowerCase(Locale.ROOT);
            if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
                // Browsers refuse such a configuration anyway; say so at start-up instead of at the first ceremony.
                throw new IllegalArgumentException("AUTH_WEBAUTHN_ORIGINS: " + origin + " is not on AUTH_WEBAUTHN_RP_ID " + rpId);
            }
        }
        Objects.requireNonNull(ceremonyTtl, "ceremonyTtl");
        if (ceremonyTtl.isNegative() || ceremonyTtl.isZero() || ceremonyTtl.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("the passkey ceremony lifetime is between 1 s and 30 min");
        }
    }
}
