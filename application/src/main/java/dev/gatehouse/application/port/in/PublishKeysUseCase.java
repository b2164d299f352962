package dev.gatehouse.application.port.in;

import java.util.List;
import java.util.Map;

public interface PublishKeysUseCase {
    /** Public JWKs of every key whose tokens may still be alive. */
    List<Map<String, Object>> publicKeys();

    String issuer();
}
