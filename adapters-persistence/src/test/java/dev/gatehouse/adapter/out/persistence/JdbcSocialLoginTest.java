package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.IdentityRepository;
import dev.gatehouse.application.port.out.ProviderIdentity;
import dev.gatehouse.application.port.out.SocialLoginFlows.FlowCode;
import dev.gatehouse.application.port.out.SocialLoginFlows.Intent;
import dev.gatehouse.application.port.out.SocialLoginFlows.PendingAuthorization;
import dev.gatehouse.domain.identity.ExternalIdentity;
import dev.gatehouse.domain.shared.Uuid7;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identity store and the browser-flow store against real PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcSocialLoginTest extends PostgresTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    @Inject
    JdbcIdentityRepository identities;
    @Inject
    JdbcSocialLoginFlows flows;
    @Inject
    JdbcUserRepository users;
    @Inject
    JdbcOperations jdbc;

    @Test
    void anIdentityIsFoundByProviderAndSubjectAndLinkedOnce() {
        User user = newUser("idp." + unique() + "@example.com", null);
        users.insert(user);
        Instant now = now();
        String subject = "sub-" + unique();
        ExternalIdentity linked = ExternalIdentity.link(Uuid7.at(now), user.id(), "google", subject, EmailAddress.of("x@example.com"), now);
        identities.insert(linked);
        assertEquals(linked, identities.find("google", subject).orElseThrow());
        assertTrue(identities.find("github", subject).isEmpty(), "the same subject at another provider is another person");
        assertThrows(IdentityRepository.DuplicateIdentityException.class, () -> identities.insert(
                ExternalIdentity.link(Uuid7.at(now), user.id(), "google", subject, null, now)));

        ExternalIdentity used = linked.usedAt(now.plusSeconds(60), EmailAddress.of("new@example.com"));
        identities.update(used);
        assertEquals(used, identities.find("google", subject).orElseThrow());
        assertEquals(List.of(used), identities.ofUser(user.id()));

        assertFalse(identities.delete(newUser("other." + unique() + "@example.com", null).id(), linked.id()), "only the owner's");
        assertTrue(identities.delete(user.id(), linked.id()));
        assertTrue(identities.ofUser(user.id()).isEmpty());
    }

    @Test
    void aPendingAuthorizationIsTakenOnceAndKeepsOnlyAHashOfStateAndSealedSecrets() {
        Instant now = now();
        OpaqueToken state = OpaqueToken.generate(RANDOM);
        PendingAuthorization pending = new PendingAuthorization(state.hash(), "google", "https://app.example/cb", Intent.LOGIN,
                "the-verifier-" + unique(), "the-nonce-" + unique(), null, now.plusSeconds(600));
        flows.begin(pending, now);

        String stored = jdbc.execute(connection -> {
            try (var ps = connection.prepareStatement("SELECT provider || redirect_to || intent || encode(secrets, 'escape') "
                    + "FROM oauth_authorizations WHERE state_hash = ?")) {
                ps.setBytes(1, state.hash().bytes());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertFalse(stored.contains(state.value()) || stored.contains(pending.codeVerifier()) || stored.contains(pending.nonce()),
                "neither the state, the verifier nor the nonce is stored readable");

        PendingAuthorization taken = flows.take(state.hash(), now.plusSeconds(5)).orElseThrow();
        assertEquals(pending.codeVerifier(), taken.codeVerifier());
        assertEquals(pending.nonce(), taken.nonce());
        assertEquals(pending.redirectTo(), taken.redirectTo());
        assertTrue(flows.take(state.hash(), now.plusSeconds(6)).isEmpty(), "single use");

        OpaqueToken late = OpaqueToken.generate(RANDOM);
        flows.begin(new PendingAuthorization(late.hash(), "google", "https://app.example/cb", Intent.CONNECT, "v", "n",
                "c".repeat(43), now.plusSeconds(600)), now);
        assertTrue(flows.take(late.hash(), now.plusSeconds(601)).isEmpty(), "expired");
        assertTrue(flows.take(late.hash(), now).isEmpty(), "and gone");
    }

    @Test
    void codesCarryTheirUserOrTheirSealedIdentityAndAreRedeemedOnce() {
        User user = newUser("code." + unique() + "@example.com", null);
        users.insert(user);
        Instant now = now();
        TokenHash login = OpaqueToken.generate(RANDOM).hash();
        flows.issue(new FlowCode(login, Intent.LOGIN, "github", user.id(), null, "x".repeat(43), now.plusSeconds(60)), now);
        FlowCode redeemed = flows.redeem(login, now.plusSeconds(1)).orElseThrow();
        assertEquals(user.id(), redeemed.user());
        assertEquals("x".repeat(43), redeemed.clientChallenge());
        assertTrue(flows.redeem(login, now.plusSeconds(2)).isEmpty());

        TokenHash connect = OpaqueToken.generate(RANDOM).hash();
        ProviderIdentity identity = new ProviderIdentity("12345", null, false, "Mona", null);
        flows.issue(new FlowCode(connect, Intent.CONNECT, "github", null, identity, null, now.plusSeconds(60)), now);
        assertEquals(identity, flows.redeem(connect, now.plusSeconds(1)).orElseThrow().identity());

        TokenHash stale = OpaqueToken.generate(RANDOM).hash();
        flows.issue(new FlowCode(stale, Intent.LOGIN, "github", user.id(), null, null, now.plusSeconds(60)), now);
        assertTrue(flows.redeem(stale, now.plusSeconds(61)).isEmpty(), "60 s and no more");
    }
}
