package dev.gatehouse.application.service;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP with the parameters every authenticator app defaults to: HMAC-SHA-1, 30-second
 * steps from the Unix epoch, 6 digits. A code of the step before or after the current one is also
 * accepted (the RFC's recommended one step of clock drift), but never a code of a step at or before
 * the last one accepted for the user, so each code works once.
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps either side of now that still count (±30 s of drift between phone and server). */
    public static final int WINDOW = 1;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one time step (RFC 4226 HOTP with the step as counter): {@code digits} from 1 to 8. */
    public static String code(byte[] key, long step, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("1 to 8 digits");
        }
        byte[] counter = new byte[8];
        for (int i = 7, shift = 0; i >= 0; i--, shift += 8) {
            counter[i] = (byte) (step >>> shift);
        }
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac = hmac.doFinal(counter);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
        }
        // RFC 4226 §5.3 dynamic truncation.
        int offset = mac[mac.length - 1] & 0x0f;
        int binary = ((mac[offset] & 0x7f) << 24) | ((mac[offset + 1] & 0xff) << 16)
                | ((mac[offset + 2] & 0xff) << 8) | (mac[offset + 3] & 0xff);
        String digitsText = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - digitsText.length()) + digitsText;
    }

    /** True when {@code presented} could be a code at all: exactly six ASCII digits. */
    public static boolean looksLikeCode(String presented) {
        if (presented == null || presented.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = presented.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The step whose code {@code presented} is, when it is within the window around {@code now} and
     * after {@code lastUsedStep} (null: none used yet). Every candidate is compared, in constant time.
     */
    public static OptionalLong accept(byte[] key, String presented, Instant now, Long lastUsedStep) {
        if (!looksLikeCode(presented)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean equal = MessageDigest.isEqual(code(key, s, DIGITS).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (equal && (lastUsedStep == null || s > lastUsedStep) && matched == Long.MIN_VALUE) {
                matched = s;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
