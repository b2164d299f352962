package dev.gatehouse.domain.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TokenHashTest {
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void isTheSha256OfTheToken() {
        assertArrayEquals(HexFormat.of().parseHex(SHA256_ABC), TokenHash.of("abc").bytes());
    }

    @Test
    void equalsByValue() {
        TokenHash a = TokenHash.of("abc");
        assertEquals(a, TokenHash.of("abc"));
        assertEquals(a.hashCode(), TokenHash.of("abc").hashCode());
        assertEquals(a, TokenHash.fromBytes(HexFormat.of().parseHex(SHA256_ABC)));
        assertNotEquals(a, TokenHash.of("abd"));
        assertNotEquals(a, (Object) SHA256_ABC);
    }

    @Test
    void neverSharesItsBytes() {
        byte[] source = HexFormat.of().parseHex(SHA256_ABC);
        TokenHash hash = TokenHash.fromBytes(source);
        source[0] ^= 1;
        hash.bytes()[1] ^= 1;
        assertEquals(TokenHash.of("abc"), hash);
    }

    @Test
    void fromBytesNeeds32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> TokenHash.fromBytes(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> TokenHash.fromBytes(new byte[33]));
    }

    @Test
    void toStringShowsOnlyAPrefix() {
        assertEquals("TokenHash[ba7816bf…]", TokenHash.of("abc").toString());
    }
}
