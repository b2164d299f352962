package dev.gatehouse.application.port.out;

/** Draws text (an otpauth URI) as a QR code, so a user can scan it instead of typing the secret. */
public interface QrCodeRenderer {
    /** A standalone SVG document. */
    String svg(String text);
}
