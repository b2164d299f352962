package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.domain.user.Username;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

public final class InMemoryUserRepository implements UserRepository, Snapshottable {
    private Map<UserId, User> rows = new LinkedHashMap<>();
    public int updates;

    public int count() {
        return rows.size();
    }

    /** The stored row (a copy); fails when there is none. */
    public User get(UserId id) {
        return findById(id).orElseThrow();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(rows.get(id)).map(Copies::of);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return find(u -> u.email().canonical().equals(email.canonical()));
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return find(u -> u.username() != null && u.username().canonical().equals(username.canonical()));
    }

    @Override
    public Optional<User> findByLogin(String identifier) {
        String lower = identifier.toLowerCase(Locale.ROOT);
        return find(u -> u.email().canonical().equals(lower))
                .or(() -> find(u -> u.username() != null && u.username().canonical().equals(lower)));
    }

    @Override
    public Page search(String query, Order order, int page, int size) {
        String q = query == null ? "" : query.toLowerCase(java.util.Locale.ROOT);
        java.util.List<User> matching = rows.values().stream()
                .filter(u -> q.isEmpty() || u.email().canonical().contains(q)
                        || (u.username() != null && u.username().canonical().contains(q)))
                .sorted(switch (order) {
                    case NEWEST -> java.util.Comparator.comparing(User::dateJoined).reversed();
                    case OLDEST -> java.util.Comparator.comparing(User::dateJoined);
                    case EMAIL -> java.util.Comparator.comparing((User u) -> u.email().canonical());
                    case LAST_LOGIN -> java.util.Comparator.comparing(User::lastLogin,
                            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()));
                })
                .map(Copies::of)
                .toList();
        return new Page(matching.stream().skip((long) page * size).limit(size).toList(), matching.size());
    }

    @Override
    public void insert(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new DuplicateUserException(DuplicateUserException.Field.EMAIL);
        }
        if (user.username() != null && findByUsername(user.username()).isPresent()) {
            throw new DuplicateUserException(DuplicateUserException.Field.USERNAME);
        }
        rows.put(user.id(), Copies.of(user));
    }

    @Override
    public void recordLogin(User user) {
        User stored = rows.get(user.id());
        if (stored == null) {
            throw new IllegalStateException("no such user " + user.id());
        }
        User copy = Copies.of(stored);
        copy.recordLogin(user.lastLogin());
        rows.put(user.id(), copy);
    }

    @Override
    public void update(User user) {
        if (!rows.containsKey(user.id())) {
            throw new IllegalStateException("no such user " + user.id());
        }
        user.markWritten(user.updatedAt().plusSeconds(1)); // as the database stamps each write
        if (findByEmail(user.email()).filter(other -> !other.id().equals(user.id())).isPresent()) {
            throw new DuplicateUserException(DuplicateUserException.Field.EMAIL);
        }
        if (user.username() != null
                && findByUsername(user.username()).filter(other -> !other.id().equals(user.id())).isPresent()) {
            throw new DuplicateUserException(DuplicateUserException.Field.USERNAME);
        }
        rows.put(user.id(), Copies.of(user));
        updates++;
    }

    @Override
    public void delete(UserId id) {
        rows.remove(id);
    }

    @Override
    public int lockActiveAdmins() {
        return (int) rows.values().stream().filter(u -> u.isActive() && u.role() == dev.gatehouse.domain.user.Role.ADMIN).count();
    }

    private Optional<User> find(Predicate<User> where) {
        return rows.values().stream().filter(where).findFirst().map(Copies::of);
    }

    @Override
    public Runnable snapshot() {
        Map<UserId, User> saved = copy(rows);
        int savedUpdates = updates;
        return () -> {
            rows = copy(saved);
            updates = savedUpdates;
        };
    }

    private static Map<UserId, User> copy(Map<UserId, User> from) {
        Map<UserId, User> to = new LinkedHashMap<>();
        from.forEach((id, u) -> to.put(id, Copies.of(Objects.requireNonNull(u))));
        return to;
    }
}
