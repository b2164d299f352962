package dev.gatehouse.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ClientInfoTest {
    @Test
    void clipsLongValuesOnACharacterBoundary() {
        ClientInfo info = new ClientInfo("a".repeat(511) + "\uD83D\uDE00", null);
        assertEquals(511, info.userAgent().length());
        assertFalse(Character.isSurrogate(info.userAgent().charAt(info.userAgent().length() - 1)));
        assertEquals(ClientInfo.MAX_USER_AGENT, new ClientInfo("b".repeat(600), null).userAgent().length());
    }

    @Test
    void stripsControlCharactersAndBlanks() {
        assertEquals("curl/8 x", new ClientInfo("curl/8\u0007 x\n", " ").userAgent());
        assertNull(new ClientInfo(null, "  ").ip());
    }
}
