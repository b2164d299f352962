package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.domain.user.EmailAddress;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One account per mailbox and per username, against real PostgreSQL, for generated spelling variants. */
@MicronautTest(transactional = false)
class CanonicalIdentityTest extends PostgresTest {
    @Inject
    JdbcUserRepository users;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // first registration | second spelling of the same mailbox (%s is a fresh label)
            "kate@%sexämple.net|kate@%sexa\u0308mple.net",
            "kate@%sexämple.net|KATE@%sEXÄMPLE.NET",
            "kate@%sexämple.net|kate@xn--%sexmple-???",
            "kate@%sexample.net|kate@%sｅxample.net",
            "kate@%sexample.net|Kate@%sＥＸＡＭＰＬＥ．ｎｅｔ"})
    void oneMailboxIsOneAccount(String first, String second) {
        String id = "t" + unique();
        String a = first.formatted(id, id);
        // The A-label variant is derived from the first address, so the generated pair always names one mailbox.
        String b = second.contains("???") ? "kate@" + EmailAddress.of(a).value().substring(5) : second.formatted(id, id);
        users.insert(newUser(a, null));
        DuplicateUserException e = assertThrows(DuplicateUserException.class, () -> users.insert(newUser(b, null)));
        assertEquals(DuplicateUserException.Field.EMAIL, e.field());
        assertEquals(users.findByEmail(EmailAddress.of(a)).orElseThrow().id(), users.findByLogin(b).orElseThrow().id());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"alice|ａlice", "sam|ſam", "finn|ﬁnn", "zoë|ZOE\u0308", "strasse|Straße"})
    void oneUsernameIsOneAccount(String first, String second) {
        String id = unique();
        users.insert(newUser("u1." + id + "@example.com", first + id));
        DuplicateUserException e = assertThrows(DuplicateUserException.class,
                () -> users.insert(newUser("u2." + id + "@example.com", second + id)));
        assertEquals(DuplicateUserException.Field.USERNAME, e.field());
        assertEquals(users.findByLogin(first + id).orElseThrow().id(), users.findByLogin(second + id).orElseThrow().id());
    }
}
