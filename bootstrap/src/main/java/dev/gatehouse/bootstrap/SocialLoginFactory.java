package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.oidc.AppleClientSecret;
import dev.gatehouse.adapter.out.oidc.NimbusIdentityProviders;
import dev.gatehouse.adapter.out.oidc.ProviderSettings;
import dev.gatehouse.adapter.out.oidc.ProviderSettings.Kind;
import dev.gatehouse.application.port.out.IdentityProviders;
import dev.gatehouse.application.settings.SocialLoginSettings;
import dev.gatehouse.domain.identity.ExternalIdentity;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Social login from configuration: the providers under {@code auth.oidc.providers.<id>.*}
 * (AUTH_OIDC_PROVIDERS_&lt;ID&gt;_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _SCOPES, …) and the browser flow's
 * settings under {@code auth.oauth.*}. A provider with an issuer is an OpenID provider found by discovery;
 * one with authorization, token and user-info URLs is plain OAuth 2.0; the ids google, github, microsoft and
 * apple come with those filled in. A provider is only configured when it has a client id: environment
 * variables name no boundaries, so {@code AUTH_OIDC_PROVIDERS_GOOGLE_CLIENT_ID} also reads as a provider
 * "google-client" with an "id" — which has no client id of its own and is therefore no provider.
 */
@Factory
public class SocialLoginFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SocialLoginFactory.class);
    private static final String PREFIX = "auth.oidc.providers";
    private static final String ENV_PREFIX = "AUTH_OIDC_PROVIDERS_";

    // @Context: a malformed provider stops the service at start-up instead of failing the first sign-in.
    @Context
    IdentityProviders identityProviders(Environment environment, IssuerFactory.Issuer issuer, Clock clock) {
        return new NimbusIdentityProviders(providers(environment, System.getenv(), issuer, clock),
                environment.getProperty("auth.oidc.timeout", Duration.class, Duration.ofSeconds(5)));
    }

    /**
     * The configured providers. Ids come from configuration properties and from environment variables
     * {@code AUTH_OIDC_PROVIDERS_<ID>_CLIENT_ID} (read as they are: Micronaut's relaxed binding of environment
     * variables does not reach a multi-word id such as MY_CORP, which is the provider {@code my-corp}).
     */
    static List<ProviderSettings> providers(Environment environment, Map<String, String> variables, IssuerFactory.Issuer issuer,
                                            Clock clock) {
        String callbackBase = environment.getProperty("auth.oauth.callback-base-url", String.class, issuer.url() + "/api/auth/oauth")
                .replaceAll("/$", "");
        List<ProviderSettings> providers = new ArrayList<>();
        Set<String> ids = new TreeSet<>(environment.getPropertyEntries(PREFIX));
        variables.keySet().stream().filter(k -> k.startsWith(ENV_PREFIX) && k.endsWith("_CLIENT_ID") && k.length() > ENV_PREFIX.length() + 10)
                .map(k -> k.substring(ENV_PREFIX.length(), k.length() - "_CLIENT_ID".length()).toLowerCase(Locale.ROOT).replace('_', '-'))
                .forEach(ids::add);
        for (String id : ids) {
            Settings env = new Settings(environment, variables, id);
            String clientId = env.get("client-id");
            if (clientId == null || clientId.isBlank()) {
                continue;
            }
            if (!ExternalIdentity.isProviderId(id)) {
                throw new IllegalStateException("social login provider id " + id + ": use lower-case letters, digits and '-'");
            }
            try {
                providers.add(provider(env, id, clientId.strip(), callbackBase, clock));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("social login provider " + id + ": " + e.getMessage(), e);
            }
        }
        if (!providers.isEmpty()) {
            LOG.info("Social login providers: {}", providers.stream().map(ProviderSettings::id).collect(Collectors.joining(", ")));
        }
        return providers;
    }

    /** One provider's values: the property {@code auth.oidc.providers.<id>.<name>}, else the exact environment variable. */
    record Settings(Environment environment, Map<String, String> variables, String id) {
        String get(String name) {
            String value = environment.getProperty(PREFIX + "." + id + "." + name, String.class).orElse(null);
            if (value == null) {
                value = variables.get(ENV_PREFIX + id.toUpperCase(Locale.ROOT).replace('-', '_') + "_"
                        + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? null : value;
        }
    }

    @Context
    SocialLoginSettings socialLoginSettings(Environment environment) {
        String allowlist = environment.getProperty("auth.oauth.redirect-allowlist", String.class, "");
        Set<String> urls = Arrays.stream(allowlist.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String url : urls) {
            URI uri = URI.create(url);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
                throw new IllegalStateException("AUTH_OAUTH_REDIRECT_ALLOWLIST: " + url + " is not an absolute URL without a fragment");
            }
        }
        return new SocialLoginSettings(urls, environment.getProperty("auth.oauth.flow-ttl", Duration.class, Duration.ofMinutes(10)),
                environment.getProperty("auth.oauth.code-ttl", Duration.class, Duration.ofSeconds(60)));
    }

    private static ProviderSettings provider(Settings env, String id, String clientId, String callbackBase, Clock clock) {
        String secret = env.get("client-secret");
        URI issuer = uri(env, "issuer");
        URI discovery = uri(env, "discovery-url");
        URI authorization = uri(env, "authorization-url");
        URI token = uri(env, "token-url");
        URI userinfo = uri(env, "userinfo-url");
        URI emails = uri(env, "emails-url");
        List<String> scopes = scopes(env.get("scopes"));
        boolean formPost = false;
        AppleClientSecret apple = null;
        boolean explicit = issuer != null || authorization != null;
        String preset = Objects.requireNonNullElse(env.get("preset"), explicit ? "" : id).toLowerCase(Locale.ROOT);
        switch (preset) {
            case "google" -> {
                issuer = issuer != null ? issuer : URI.create("https://accounts.google.com");
                scopes = scopes.isEmpty() ? List.of("openid", "email", "profile") : scopes;
            }
            case "microsoft" -> {
                String tenant = Objects.requireNonNullElse(env.get("tenant"), "common");
                // The multi-tenant endpoints name a template issuer; the token's tid fills it in.
                boolean multi = Set.of("common", "organizations", "consumers").contains(tenant);
                discovery = discovery != null ? discovery
                        : URI.create("https://login.microsoftonline.com/" + tenant + "/v2.0/.well-known/openid-configuration");
                issuer = issuer != null ? issuer : URI.create("https://login.microsoftonline.com/"
                        + (multi && !"consumers".equals(tenant) ? NimbusIdentityProviders.TENANT : "consumers".equals(tenant)
                        ? "9188040d-6c67-4c5b-b112-36a304b66dad" : tenant) + "/v2.0");
                scopes = scopes.isEmpty() ? List.of("openid", "email", "profile") : scopes;
            }
            case "apple" -> {
                issuer = issuer != null ? issuer : URI.create("https://appleid.apple.com");
                scopes = scopes.isEmpty() ? List.of("openid", "email", "name") : scopes;
                formPost = scopes.contains("email") || scopes.contains("name");
                String key = env.get("private-key");
                if (key != null && !key.isBlank()) {
                    apple = new AppleClientSecret(required(env, "team-id"), required(env, "key-id"), key.replace("\\n", "\n"),
                            clock);
                } else if (secret == null) {
                    throw new IllegalArgumentException("Apple needs _TEAM_ID, _KEY_ID and _PRIVATE_KEY (the .p8 key) to sign its client secret");
                }
            }
            case "github" -> {
                authorization = authorization != null ? authorization : URI.create("https://github.com/login/oauth/authorize");
                token = token != null ? token : URI.create("https://github.com/login/oauth/access_token");
                userinfo = userinfo != null ? userinfo : URI.create("https://api.github.com/user");
                emails = emails != null ? emails : URI.create("https://api.github.com/user/emails");
                scopes = scopes.isEmpty() ? List.of("read:user", "user:email") : scopes;
                return new ProviderSettings(id, Kind.GITHUB, null, null, clientId, secret, scopes, authorization, token, userinfo,
                        emails, callback(env, callbackBase, id), false, null);
            }
            case "" -> {
                // explicit configuration
            }
            default -> throw new IllegalArgumentException("unknown preset " + preset + " (google, github, microsoft, apple)");
        }
        if (issuer != null) {
            return new ProviderSettings(id, Kind.OIDC, issuer, discovery, clientId, secret,
                    scopes.isEmpty() ? List.of("openid", "email", "profile") : scopes, null, null, null, null,
                    callback(env, callbackBase, id), formPost, apple);
        }
        return new ProviderSettings(id, emails != null ? Kind.GITHUB : Kind.OAUTH2, null, null, clientId, secret, scopes,
                authorization, token, userinfo, emails, callback(env, callbackBase, id), false, null);
    }

    private static URI callback(Settings env, String base, String id) {
        URI configured = uri(env, "redirect-uri");
        return configured != null ? configured : URI.create(base + "/" + id + "/callback");
    }

    private static URI uri(Settings env, String key) {
        String value = env.get(key);
        if (value == null) {
            return null;
        }
        URI uri = URI.create(value.strip());
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException(key + " is not an absolute URL");
        }
        return uri;
    }

    private static String required(Settings env, String key) {
        String value = env.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value;
    }

    private static List<String> scopes(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
