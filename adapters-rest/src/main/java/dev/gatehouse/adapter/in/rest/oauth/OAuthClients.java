package dev.gatehouse.adapter.in.rest.oauth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public OAuth clients the token endpoint serves, from AUTH_OAUTH_CLIENTS: a comma-separated list of
 * {@code client_id[:grant+grant[:scope+scope]]}, for example
 * {@code gatehouse-web,mobile:password+refresh_token:profile+email+offline_access}. Grants left out are both
 * ({@code password}, {@code refresh_token}); scopes left out are {@link #DEFAULT_SCOPES}. Public clients
 * have no secret: a client id names the client, it proves nothing, which is why every grant here still
 * needs the user's password or refresh token.
 */
// @Context: a malformed setting stops the service at start-up, not at the first request.
@Context
public final class OAuthClients {
    public static final String PASSWORD = "password";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final List<String> GRANTS = List.of(PASSWORD, REFRESH_TOKEN);
    public static final List<String> DEFAULT_SCOPES = List.of("profile", "email", "offline_access");

    /** One configured client: what it may ask for. */
    public record Client(String id, Set<String> grants, Set<String> scopes) {
        public boolean allowsGrant(String grant) {
            return grants.contains(grant);
        }

        /** Every requested scope is one the client may have. */
        public boolean allowsScopes(Set<String> requested) {
            return scopes.containsAll(requested);
        }
    }

    private final Map<String, Client> clients;

    public OAuthClients(@Value("${auth.oauth.clients:gatehouse-web}") String configured) {
        Map<String, Client> parsed = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split(":", -1);
            if (parts.length > 3 || !OAuthParameters.isClientId(parts[0])) {
                throw new IllegalStateException("AUTH_OAUTH_CLIENTS: '" + trimmed
                        + "' is not client_id[:grant+grant[:scope+scope]] (client ids are printable ASCII without spaces, ':' or ',')");
            }
            Set<String> grants = parts.length > 1 && !parts[1].isBlank() ? words(parts[1]) : new LinkedHashSet<>(GRANTS);
            for (String grant : grants) {
                if (!GRANTS.contains(grant)) {
                    throw new IllegalStateException("AUTH_OAUTH_CLIENTS: client " + parts[0] + " names the grant '" + grant
                            + "'; the token endpoint offers " + String.join(" and ", GRANTS));
                }
            }
            Set<String> scopes = parts.length > 2 ? words(parts[2]) : new LinkedHashSet<>(DEFAULT_SCOPES);
            for (String scope : scopes) {
                if (!OAuthParameters.isScopeToken(scope)) {
                    throw new IllegalStateException("AUTH_OAUTH_CLIENTS: '" + scope + "' is not a scope token (RFC 6749 §3.3)");
                }
            }
            if (parsed.put(parts[0], new Client(parts[0], Set.copyOf(grants), Set.copyOf(scopes))) != null) {
                throw new IllegalStateException("AUTH_OAUTH_CLIENTS: client " + parts[0] + " is listed twice");
            }
        }
        this.clients = Map.copyOf(parsed);
    }

    private static Set<String> words(String plusSeparated) {
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(plusSeparated.split("\\+")).map(String::strip).filter(w -> !w.isEmpty()).forEach(words::add);
        return words;
    }

    /**
     * The public client a request names: {@code client_id} in the body (RFC 6749 §2.3.1 for public clients),
     * or the id of a Basic header with an empty secret, as some libraries send it. A secret is refused:
     * these clients have none, and accepting any would suggest it were checked.
     *
     * @throws OAuthError invalid_client for no client, an unknown one, or a secret
     */
    public Client identify(OAuthParameters parameters, String authorization) {
        String fromBody = parameters.get("client_id");
        Optional<OAuthParameters.BasicCredentials> basic = OAuthParameters.basic(authorization);
        if (basic.isPresent() && !basic.get().secret().isEmpty()) {
            throw OAuthError.invalidClient("This client is public: it has no secret to send.");
        }
        String fromHeader = basic.map(OAuthParameters.BasicCredentials::id).orElse(null);
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            throw OAuthError.invalidRequest("The client_id of the body and of the Authorization header differ.");
        }
        String id = fromBody != null ? fromBody : fromHeader;
        if (id == null) {
            throw OAuthError.invalidClient("The client_id parameter is required.");
        }
        return find(id).orElseThrow(() -> OAuthError.invalidClient("Unknown client."));
    }

    public Optional<Client> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    /** The grants at least one client may use, in a stable order: what discovery advertises. */
    public List<String> grantsInUse() {
        return GRANTS.stream().filter(g -> clients.values().stream().anyMatch(c -> c.allowsGrant(g))).toList();
    }

    /** Every scope some client may ask for, sorted. */
    public List<String> scopesInUse() {
        return clients.values().stream().flatMap(c -> c.scopes().stream()).distinct().sorted().toList();
    }
}
