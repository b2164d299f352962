package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.oidc.NimbusIdentityProviders;
import dev.gatehouse.adapter.out.oidc.ProviderSettings;
import dev.gatehouse.adapter.out.oidc.ProviderSettings.Kind;
import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Providers as configuration describes them: presets, explicit URLs, environment variables with multi-word ids. */
class SocialLoginPresetsTest {
    private static final IssuerFactory.Issuer ISSUER = new IssuerFactory.Issuer("https://auth.example");

    private static Map<String, ProviderSettings> providers(Map<String, Object> properties, Map<String, String> variables) {
        Environment environment = new DefaultEnvironment(() -> List.of("presets-test"));
        environment.addPropertySource(PropertySource.of("test", properties));
        environment.start();
        try {
            return SocialLoginFactory.providers(environment, variables, ISSUER, Clock.systemUTC()).stream()
                    .collect(Collectors.toMap(ProviderSettings::id, Function.identity()));
        } finally {
            environment.stop();
        }
    }

    @Test
    void presetsNeedOnlyAClientIdAndEnvironmentVariablesNameMultiWordIds() {
        Map<String, ProviderSettings> p = providers(Map.of("auth.oidc.providers.google.client-id", "g-id"), Map.of(
                "AUTH_OIDC_PROVIDERS_GITHUB_CLIENT_ID", "gh-id", "AUTH_OIDC_PROVIDERS_GITHUB_CLIENT_SECRET", "gh-secret",
                "AUTH_OIDC_PROVIDERS_MY_CORP_CLIENT_ID", "corp", "AUTH_OIDC_PROVIDERS_MY_CORP_ISSUER", "https://idp.corp.example/realms/x",
                "AUTH_OIDC_PROVIDERS_MICROSOFT_CLIENT_ID", "ms", "AUTH_OIDC_PROVIDERS_ENTRA_CLIENT_ID", "entra",
                "AUTH_OIDC_PROVIDERS_ENTRA_PRESET", "microsoft", "AUTH_OIDC_PROVIDERS_ENTRA_TENANT", "11111111-2222-3333-4444-555555555555",
                "AUTH_OIDC_PROVIDERS_HALF_SCOPES", "openid"));
        assertEquals(List.of("entra", "github", "google", "microsoft", "my-corp"), p.keySet().stream().sorted().toList(),
                "a provider without a client id is none");

        assertEquals(Kind.OIDC, p.get("google").kind());
        assertEquals(URI.create("https://accounts.google.com"), p.get("google").issuer());
        assertEquals(URI.create("https://auth.example/api/auth/oauth/google/callback"), p.get("google").callbackUrl());

        ProviderSettings github = p.get("github");
        assertEquals(Kind.GITHUB, github.kind());
        assertEquals("gh-secret", github.clientSecret());
        assertEquals(URI.create("https://api.github.com/user/emails"), github.emailsUrl());
        assertEquals(List.of("read:user", "user:email"), github.scopes());

        assertEquals(URI.create("https://idp.corp.example/realms/x"), p.get("my-corp").issuer());
        assertEquals(List.of("openid", "email", "profile"), p.get("my-corp").scopes());

        assertTrue(p.get("microsoft").issuer().toString().contains(NimbusIdentityProviders.TENANT), "multi-tenant: the token's tid");
        assertEquals(URI.create("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"),
                p.get("microsoft").discoveryUrl());
        assertEquals(URI.create("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0"), p.get("entra").issuer());
    }

    @Test
    void applesClientSecretIsSignedFromTheConfiguredKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\\n" + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----";
        ProviderSettings apple = providers(Map.of(), Map.of("AUTH_OIDC_PROVIDERS_APPLE_CLIENT_ID", "com.example.web",
                "AUTH_OIDC_PROVIDERS_APPLE_TEAM_ID", "TEAM", "AUTH_OIDC_PROVIDERS_APPLE_KEY_ID", "KID",
                "AUTH_OIDC_PROVIDERS_APPLE_PRIVATE_KEY", pem)).get("apple");
        assertNotNull(apple.appleClientSecret());
        assertTrue(apple.formPostResponse(), "Apple posts name and email");
        assertEquals(URI.create("https://appleid.apple.com"), apple.issuer());

        IllegalStateException noKey = assertThrows(IllegalStateException.class,
                () -> providers(Map.of(), Map.of("AUTH_OIDC_PROVIDERS_APPLE_CLIENT_ID", "com.example.web")));
        assertTrue(noKey.getMessage().contains("apple"), noKey.getMessage());
    }

    @Test
    void aProviderThatCannotWorkStopsTheStartNamingIt() {
        IllegalStateException noUrls = assertThrows(IllegalStateException.class,
                () -> providers(Map.of("auth.oidc.providers.corp.client-id", "c"), Map.of()));
        assertTrue(noUrls.getMessage().contains("corp"), noUrls.getMessage());
        IllegalStateException badUrl = assertThrows(IllegalStateException.class, () -> providers(Map.of(
                "auth.oidc.providers.corp.client-id", "c", "auth.oidc.providers.corp.issuer", "not a url"), Map.of()));
        assertTrue(badUrl.getMessage().contains("corp"), badUrl.getMessage());
    }
}
