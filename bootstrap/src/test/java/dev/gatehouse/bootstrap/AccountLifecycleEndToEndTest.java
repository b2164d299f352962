package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Last admin, role changes, account deletion and email change, through HTTP, real PostgreSQL and real SMTP. */
@MicronautTest(transactional = false)
class AccountLifecycleEndToEndTest extends HttpTest {
    private final Mailbox mailbox = new Mailbox();

    @Inject
    UserRepository users;
    @Inject
    AuditLog audit;

    @Override
    Map<String, String> extraProperties() {
        return new HashMap<>(mailbox.smtpProperties());
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    private String idOf(String access) {
        return get("/api/auth/me", "Authorization", bearer(access)).string("id");
    }

    private Response patchUser(String admin, String id, String json) {
        return send("PATCH", "/api/admin/users/" + id, json, "application/json", "Authorization", bearer(admin));
    }

    private Response deleteMe(String access, String password) {
        return send("DELETE", "/api/auth/me", password == null ? "{}" : "{\"password\":\"" + password + "\"}", "application/json",
                "Authorization", bearer(access));
    }

    /** Leaves exactly one active administrator (other classes make their own, fresh, each time). */
    private String onlyAdmin() {
        for (int page = 0; ; page++) {
            UserRepository.Page found = users.search("", page, 100);
            for (User user : found.items()) {
                if (user.role() == Role.ADMIN && user.isActive()) {
                    user.deactivate();
                    users.update(user);
                }
            }
            if (found.items().size() < 100) {
                break;
            }
        }
        return adminToken();
    }

    @Test
    void theLastActiveAdminCannotBeDemotedDeactivatedOrDeleted() {
        String root = onlyAdmin();
        String rootId = idOf(root);
        assertProblem(patchUser(root, rootId, "{\"role\":\"viewer\"}"), 409, "last_admin");
        assertProblem(patchUser(root, rootId, "{\"is_active\":false}"), 409, "last_admin");
        assertProblem(send("DELETE", "/api/admin/users/" + rootId, null, null, "Authorization", bearer(root)), 409, "last_admin");
        assertProblem(deleteMe(root, PASSWORD), 409, "last_admin");
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(root)).status(), "still there, still admin");

        String second = adminToken();
        assertEquals(200, patchUser(root, idOf(second), "{\"role\":\"viewer\"}").status(), "another admin remained");
        assertProblem(patchUser(root, rootId, "{\"role\":\"viewer\"}"), 409, "last_admin");
    }

    @Test
    void aRoleChangeRevokesTheUsersSessions() {
        String admin = adminToken();
        Response viewer = register(uniqueEmail());
        String access = viewer.string("access");
        assertEquals(200, postJson("/api/auth/token/verify", Map.of("token", access)).status());

        assertEquals(200, patchUser(admin, idOf(access), "{\"role\":\"admin\"}").status());

        assertEquals(401, postJson("/api/auth/token/verify", Map.of("token", access)).status(), "the old role's token is dead");
        assertProblem(get("/api/auth/me", "Authorization", bearer(access)), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", viewer.string("refresh"))), 401, "token_not_valid");
    }

    @Test
    void deletingOnesAccountErasesItAndFreesTheAddress() {
        String email = uniqueEmail();
        Response registered = register(email);
        String access = registered.string("access");
        String id = idOf(access);
        assertEquals(200, send("PATCH", "/api/auth/me", "{\"first_name\":\"Ann\",\"phone_number\":\"+15550100\"}",
                "application/json", "Authorization", bearer(access)).status());
        Response other = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));

        assertProblem(deleteMe(access, "not my password"), 401, "invalid_credentials");
        assertProblem(deleteMe(access, null), 400, "validation_failed");
        Response deleted = deleteMe(access, PASSWORD);
        assertEquals(204, deleted.status(), deleted.body());

        assertProblem(get("/api/auth/me", "Authorization", bearer(access)), 401, "token_not_valid");
        assertProblem(get("/api/auth/me", "Authorization", bearer(other.string("access"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", registered.string("refresh"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 401, "invalid_credentials");
        UserId userId = new UserId(UUID.fromString(id));
        assertTrue(users.findById(userId).isEmpty(), "the row and its personal data are gone");
        List<AuditEvent> trail = audit.find(new AuditLog.Query(userId, null, 0, 100)).items();
        assertTrue(trail.stream().anyMatch(e -> e.type() == AuditEvent.Type.ACCOUNT_DELETED), trail.toString());
        for (AuditEvent event : trail) {
            assertNull(event.ip(), "no client address kept: " + event);
            assertFalse(event.detail() != null && event.detail().contains(email), event.toString());
        }

        assertEquals(201, postJson("/api/auth/register", Map.of("email", email, "password", PASSWORD)).status(),
                "the address can register again");
    }

    @Test
    void anAdministratorDeletesAUser() {
        String admin = adminToken();
        String email = uniqueEmail();
        String access = register(email).string("access");
        String id = idOf(access);
        assertProblem(send("DELETE", "/api/admin/users/" + id, null, null, "Authorization", bearer(access)), 403, "permission_denied");
        assertEquals(204, send("DELETE", "/api/admin/users/" + id, null, null, "Authorization", bearer(admin)).status());
        assertProblem(get("/api/auth/me", "Authorization", bearer(access)), 401, "token_not_valid");
        assertProblem(get("/api/admin/users/" + id, "Authorization", bearer(admin)), 404, "not_found");
        assertProblem(send("DELETE", "/api/admin/users/" + id, null, null, "Authorization", bearer(admin)), 404, "not_found");
        AuditEvent deleted = audit.find(new AuditLog.Query(new UserId(UUID.fromString(id)), AuditEvent.Type.ACCOUNT_DELETED, 0, 1))
                .items().getFirst();
        assertEquals(idOf(admin), deleted.actor().toString());
        assertEquals(201, postJson("/api/auth/register", Map.of("email", email, "password", PASSWORD)).status());
    }

    @Test
    void anEmailChangeMailsALinkToTheNewAddressAndANoticeToTheOld() {
        String old = uniqueEmail();
        String access = register(old).string("access");
        mailbox.await(old, 1); // the verification mail
        String target = uniqueEmail();

        assertProblem(postJson("/api/auth/email/change", Map.of("new_email", target, "password", "wrong"),
                "Authorization", bearer(access)), 401, "invalid_credentials");
        assertProblem(postJson("/api/auth/email/change", Map.of("new_email", "nope", "password", PASSWORD),
                "Authorization", bearer(access)), 400, "validation_failed");
        assertProblem(postJson("/api/auth/email/change", Map.of("new_email", target, "password", PASSWORD)), 401, "not_authenticated");

        Response asked = postJson("/api/auth/email/change", Map.of("new_email", target, "password", PASSWORD),
                "Authorization", bearer(access));
        assertEquals(202, asked.status(), asked.body());
        Mailbox.Mail link = mailbox.await(target, 1);
        assertEquals("Confirm your new email address", link.subject());
        assertTrue(link.text().contains("/email/change/confirm?token=" + link.token()), link.text());
        assertEquals("A change of your email address was requested", mailbox.await(old, 2).subject());

        Response confirmed = postJson("/api/auth/email/change/confirm", Map.of("token", link.token()));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(target, confirmed.string("email"));
        assertEquals(true, confirmed.map().get("email_verified"));
        assertProblem(postJson("/api/auth/email/change/confirm", Map.of("token", link.token())), 401, "token_not_valid");
        assertEquals(200, postJson("/api/auth/login", Map.of("email", target, "password", PASSWORD)).status());
        assertProblem(postJson("/api/auth/login", Map.of("email", old, "password", PASSWORD)), 401, "invalid_credentials");
    }

    @Test
    void aTakenAddressAnswersTheSameAndIsRefusedAtConfirmation() {
        String taken = uniqueEmail();
        markVerified(idOf(register(taken).string("access")));
        String free = uniqueEmail();
        String access = register(uniqueEmail()).string("access");

        Response toTaken = postJson("/api/auth/email/change", Map.of("new_email", taken, "password", PASSWORD),
                "Authorization", bearer(access));
        Response toFree = postJson("/api/auth/email/change", Map.of("new_email", free, "password", PASSWORD),
                "Authorization", bearer(access));
        assertEquals(202, toTaken.status());
        assertEquals(toFree.body(), toTaken.body(), "the same answer whether or not the address is taken");

        Mailbox.Mail linkToTaken = mailbox.await(taken, 2); // after its own verification mail
        assertProblem(postJson("/api/auth/email/change/confirm", Map.of("token", linkToTaken.token())), 401, "token_not_valid");
        // the newer request superseded it; ask again for the taken address and follow that link
        postJson("/api/auth/email/change", Map.of("new_email", taken, "password", PASSWORD), "Authorization", bearer(access));
        assertProblem(postJson("/api/auth/email/change/confirm", Map.of("token", mailbox.await(taken, 3).token())), 400,
                "email_taken");
    }
}
