package dev.gatehouse.application.port.in;

public interface RotateSigningKeyUseCase {
    /** Returns the new key id. Administrators only. */
    String rotateSigningKey(Principal admin);
}
