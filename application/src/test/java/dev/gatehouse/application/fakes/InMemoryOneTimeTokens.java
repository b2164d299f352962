package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryOneTimeTokens implements OneTimeTokenRepository, Snapshottable {
    private Map<TokenHash, OneTimeToken> tokens = new LinkedHashMap<>();

    public int count() {
        return tokens.size();
    }

    @Override
    public void issue(OneTimeToken token) {
        tokens.values().removeIf(t -> t.userId().equals(token.userId()) && t.purpose() == token.purpose() && t.usedAt() == null);
        tokens.put(token.hash(), token);
    }

    @Override
    public Optional<OneTimeToken> find(TokenHash hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public Optional<OneTimeToken> lock(TokenHash hash) {
        return find(hash);
    }

    @Override
    public void markUsed(OneTimeToken used) {
        tokens.put(used.hash(), used);
    }

    @Override
    public void discardUnused(UserId userId, OneTimeToken.Purpose purpose) {
        tokens.values().removeIf(t -> t.userId().equals(userId) && t.purpose() == purpose && t.usedAt() == null);
    }

    @Override
    public Runnable snapshot() {
        Map<TokenHash, OneTimeToken> copy = new LinkedHashMap<>(tokens);
        return () -> tokens = new LinkedHashMap<>(copy);
    }
}
