package dev.gatehouse.adapter.out.crypto;

/**
 * How ES256 is computed. {@code nativeAllowed}: AWS-LC where it loads (the default); false keeps the
 * JDK's SunEC, for an operator who wants no native code beside Argon2's.
 */
public record EcdsaSettings(boolean nativeAllowed) {
    public static final EcdsaSettings DEFAULT = new EcdsaSettings(true);
}
