package dev.gatehouse.domain.session;

import dev.gatehouse.domain.shared.Text;

/** Where a session was started from, as far as the client told us; bounded, never trusted. */
public record ClientInfo(String userAgent, String ip) {
    public static final int MAX_USER_AGENT = 512;
    public static final int MAX_IP = 64;
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

    public ClientInfo {
        userAgent = clip(userAgent, MAX_USER_AGENT);
        ip = clip(ip, MAX_IP);
    }

    private static String clip(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (Text.hasControlCharacters(v)) {
            StringBuilder clean = new StringBuilder(v.length());
            v.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(clean::appendCodePoint);
            v = clean.toString();
        }
        if (v.length() <= max) {
            return v;
        }
        int end = Character.isHighSurrogate(v.charAt(max - 1)) ? max - 1 : max; // never half a character
        return v.substring(0, end);
    }
}
