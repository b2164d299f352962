package dev.gatehouse.application.port.in;

public interface BeginPasskeyRegistrationUseCase {
    /** A fresh registration challenge for the caller's account, stored for {@code WebAuthnSettings.ceremonyTtl}. */
    PasskeyOptions.Creation beginPasskeyRegistration(Principal caller);
}
