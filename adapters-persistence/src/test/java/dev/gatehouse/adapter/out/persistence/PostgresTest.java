package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.domain.user.Username;
import io.micronaut.test.support.TestPropertyProvider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

/** Base of the contract tests: a Micronaut context on the real test database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PostgresTest implements TestPropertyProvider {
    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    /** PostgreSQL keeps microseconds: compare what survives a round trip. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static User newUser(String email, String username) {
        Instant now = now();
        return User.register(UserId.newId(now), EmailAddress.of(email),
                new Profile(username == null ? null : Username.of(username), "Ada", "Lovelace", "+44 20 7946 0000", null),
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), now);
    }
}
