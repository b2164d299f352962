package dev.gatehouse.adapter.out.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.IdentityProviderException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NimbusIdentityProvidersTest {
    private static final ProviderSettings GITHUB = new ProviderSettings("github", ProviderSettings.Kind.GITHUB, null, null, "cid", "secret",
            List.of("read:user", "user:email"), URI.create("https://github.example/login/oauth/authorize?allow_signup=false"),
            URI.create("https://github.example/login/oauth/access_token"), URI.create("https://api.github.example/user"),
            URI.create("https://api.github.example/user/emails"), URI.create("https://auth.example/api/auth/oauth/github/callback"),
            false, null);

    @Test
    void theAuthorizationUrlCarriesClientCallbackScopesStateAndThePkceChallenge() {
        NimbusIdentityProviders providers = new NimbusIdentityProviders(List.of(GITHUB), Duration.ofSeconds(1));
        String url = providers.authorizationUrl("github", "st-ate", "no-nce", "chal-lenge");
        assertTrue(url.startsWith("https://github.example/login/oauth/authorize?allow_signup=false&response_type=code&client_id=cid&"), url);
        assertTrue(url.contains("&redirect_uri=https%3A%2F%2Fauth.example%2Fapi%2Fauth%2Foauth%2Fgithub%2Fcallback&"), url);
        assertTrue(url.contains("&scope=read%3Auser+user%3Aemail&state=st-ate&code_challenge=chal-lenge&code_challenge_method=S256"), url);
        assertFalse(url.contains("nonce"), "a plain OAuth 2.0 provider gets no OpenID nonce");
        assertEquals(List.of("github"), providers.ids());
    }

    @Test
    void anUnreachableProviderIsUnavailableWithinTheTimeout() {
        ProviderSettings gone = new ProviderSettings("gone", ProviderSettings.Kind.OIDC, URI.create("http://127.0.0.1:1/issuer"), null,
                "cid", null, List.of("openid"), null, null, null, null, URI.create("https://auth.example/cb"), false, null);
        NimbusIdentityProviders providers = new NimbusIdentityProviders(List.of(gone), Duration.ofSeconds(1));
        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> providers.authorizationUrl("gone", "s", "n", "c"));
        assertEquals(IdentityProviderException.Kind.UNAVAILABLE, e.kind());
        IdentityProviderException token = assertThrows(IdentityProviderException.class,
                () -> providers.verifyIdToken("gone", "eyJhbGciOiJub25lIn0.e30.", null));
        assertEquals(IdentityProviderException.Kind.UNAVAILABLE, token.kind());
    }

    @Test
    void aPlainOAuthProviderIssuesNoIdToken() {
        NimbusIdentityProviders providers = new NimbusIdentityProviders(List.of(GITHUB), Duration.ofSeconds(1));
        assertEquals(IdentityProviderException.Kind.REJECTED,
                assertThrows(IdentityProviderException.class, () -> providers.verifyIdToken("github", "a.b.c", null)).kind());
    }
}
