package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.Username;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class JdbcUserRepositoryTest extends PostgresTest {
    @Inject
    JdbcUserRepository users;
    @Inject
    Transactions transactions;

    @Test
    void storesAndReadsBackEveryField() {
        String id = unique();
        User user = newUser("Ada." + id + "@Example.COM", "ada " + id);
        users.insert(user);

        User read = users.findById(user.id()).orElseThrow();
        assertEquals(user.email(), read.email());
        assertEquals("Ada." + id + "@example.com", read.email().value());
        assertEquals(user.username(), read.username());
        assertEquals("Ada", read.profile().firstName());
        assertEquals("+44 20 7946 0000", read.profile().phoneNumber());
        assertNull(read.profile().avatar());
        assertEquals(Role.VIEWER, read.role());
        assertTrue(read.isActive());
        assertEquals(user.passwordHash(), read.passwordHash());
        assertEquals(user.dateJoined(), read.dateJoined());
        assertNull(read.lastLogin());
    }

    @Test
    void aRecordedLoginWritesTheLastLoginAndLeavesWhatCommittedMeanwhile() {
        User user = newUser("rec." + unique() + "@example.com", null);
        users.insert(user);
        User seenBySignIn = users.findById(user.id()).orElseThrow();
        // A password reset and a deactivation commit while the sign-in is hashing.
        User reset = users.findById(user.id()).orElseThrow();
        reset.changePassword(new dev.gatehouse.domain.user.PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bmV3$bmV3aGFzaA"), now());
        reset.deactivate();
        users.update(reset);

        java.time.Instant at = now().plusSeconds(5);
        seenBySignIn.recordLogin(at);
        users.recordLogin(seenBySignIn);

        User stored = users.findById(user.id()).orElseThrow();
        assertEquals(at, stored.lastLogin());
        assertEquals(reset.passwordHash(), stored.passwordHash(), "the reset stays");
        assertEquals(false, stored.isActive(), "the deactivation stays");
    }

    @Test
    void findsByEmailAndUsernameCaseInsensitively() {
        String id = unique();
        User user = newUser("grace." + id + "@example.com", "Grace_" + id);
        users.insert(user);

        assertEquals(user.id(), users.findByEmail(EmailAddress.of("GRACE." + id + "@EXAMPLE.com")).orElseThrow().id());
        assertEquals(user.id(), users.findByUsername(Username.of("grace_" + id.toUpperCase())).orElseThrow().id());
        assertEquals(user.id(), users.findByLogin("  Grace." + id + "@Example.com ").orElseThrow().id());
        assertEquals(user.id(), users.findByLogin("GRACE_" + id).orElseThrow().id());
        assertTrue(users.findByLogin("nobody-" + id).isEmpty());
    }

    @Test
    void emailBeatsUsernameWhenOneAccountsEmailIsAnothersUsername() {
        String id = unique();
        String shared = "shared." + id + "@example.com";
        User byUsername = newUser("first." + id + "@example.com", shared);
        User byEmail = newUser(shared, null);
        users.insert(byUsername);
        users.insert(byEmail);

        assertEquals(byEmail.id(), users.findByLogin(shared).orElseThrow().id());
    }

    @Test
    void refusesASecondAccountWithTheSameEmailOrUsernameInAnyCase() {
        String id = unique();
        users.insert(newUser("dup." + id + "@example.com", "dup" + id));

        DuplicateUserException email = assertThrows(DuplicateUserException.class,
                () -> users.insert(newUser("DUP." + id + "@example.com", null)));
        assertEquals(DuplicateUserException.Field.EMAIL, email.field());
        DuplicateUserException username = assertThrows(DuplicateUserException.class,
                () -> users.insert(newUser("other." + id + "@example.com", "DUP" + id)));
        assertEquals(DuplicateUserException.Field.USERNAME, username.field());
    }

    @Test
    void updatePersistsProfilePasswordRoleAndFlags() {
        String id = unique();
        User user = newUser("upd." + id + "@example.com", null);
        users.insert(user);
        User taken = newUser("taken." + id + "@example.com", "taken" + id);
        users.insert(taken);

        user.updateProfile(new Profile(Username.of("Updated Name " + id), "A", "B", null, "https://example.com/a.png"));
        user.changePassword(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bmV3$bmV3"), now());
        user.assignRole(Role.ADMIN);
        user.confirmEmail();
        user.recordLogin(now());
        users.update(user);

        User read = users.findById(user.id()).orElseThrow();
        assertEquals("Updated Name " + id, read.username().value());
        assertEquals("https://example.com/a.png", read.profile().avatar());
        assertEquals(user.passwordHash(), read.passwordHash());
        assertEquals(user.passwordChangedAt(), read.passwordChangedAt());
        assertEquals(Role.ADMIN, read.role());
        assertTrue(read.isEmailVerified());
        assertEquals(user.lastLogin(), read.lastLogin());

        user.updateProfile(new Profile(Username.of("TAKEN" + id), "", "", null, null));
        assertEquals(DuplicateUserException.Field.USERNAME,
                assertThrows(DuplicateUserException.class, () -> users.update(user)).field());
    }

    @Test
    void aFailingUseCaseLeavesNothingBehind() {
        String id = unique();
        User user = newUser("rollback." + id + "@example.com", null);
        assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            users.insert(user);
            assertTrue(users.findById(user.id()).isPresent(), "visible inside the transaction");
            throw new IllegalStateException("the second half of the use case fails");
        }));
        assertTrue(users.findById(user.id()).isEmpty(), "the insert was rolled back");
    }

    @Test
    void updateMovesTheEmailAndRefusesATakenOne() {
        String id = unique();
        User user = newUser("move." + id + "@example.com", null);
        User other = newUser("taken." + id + "@example.com", null);
        users.insert(user);
        users.insert(other);
        user.changeEmail(EmailAddress.of("Moved." + id + "@Example.com"));
        users.update(user);
        User read = users.findByEmail(EmailAddress.of("moved." + id + "@example.com")).orElseThrow();
        assertEquals(user.id(), read.id());
        assertTrue(read.isEmailVerified());
        assertTrue(users.findByEmail(EmailAddress.of("move." + id + "@example.com")).isEmpty());

        user.changeEmail(other.email());
        assertEquals(DuplicateUserException.Field.EMAIL, assertThrows(DuplicateUserException.class, () -> users.update(user)).field());
    }

    @Test
    void deleteRemovesTheRowAndFreesTheAddress() {
        String id = unique();
        User user = newUser("gone." + id + "@example.com", "gone " + id);
        users.insert(user);
        users.delete(user.id());
        assertTrue(users.findById(user.id()).isEmpty());
        users.insert(newUser("gone." + id + "@example.com", "gone " + id));
    }

    @Test
    void lockActiveAdminsCountsActiveAdministratorsOnly() {
        int before = transactions.inTransaction(users::lockActiveAdmins);
        User admin = newUser("admin." + unique() + "@example.com", null);
        admin.assignRole(Role.ADMIN);
        users.insert(admin);
        User inactive = newUser("admin." + unique() + "@example.com", null);
        inactive.assignRole(Role.ADMIN);
        inactive.deactivate();
        users.insert(inactive);
        assertEquals(before + 1, transactions.inTransaction(users::lockActiveAdmins));
    }
}
