package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.service.AccountMail;
import dev.gatehouse.application.service.SecondFactors;
import dev.gatehouse.application.service.SessionIssuer;
import dev.gatehouse.application.settings.MfaSettings;
import dev.gatehouse.application.service.Throttle;
import dev.gatehouse.application.settings.MailSettings;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordPolicy;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One wired set of fakes and settings; each test builds its own. */
public final class Fixture {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    public static final String PASSWORD = "correct horse battery";
    public static final String ISSUER = "https://auth.gatehouse.test";
    public static final String AUDIENCE = "gatehouse-api";
    public static final Duration ACCESS_TTL = Duration.ofMinutes(5);
    public static final Duration REFRESH_TTL = Duration.ofDays(30);
    public static final Duration GRACE = Duration.ofSeconds(10);

    public final MutableClock clock = new MutableClock(T0);
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final FakeAccessTokenSigner signer = new FakeAccessTokenSigner();
    public final InMemoryOneTimeTokens oneTimeTokens = new InMemoryOneTimeTokens();
    public final RecordingMailOutbox outbox = new RecordingMailOutbox();
    public final InMemoryRateLimiter limiter = new InMemoryRateLimiter();
    public final RecordingAuditLog audit = new RecordingAuditLog();
    public final RollbackTransactions transactions = new RollbackTransactions(users, sessions, oneTimeTokens, outbox, audit);
    public final MailSettings mailSettings = new MailSettings("https://app.example.test/auth", 3, Duration.ofSeconds(10),
            Duration.ofMinutes(10), 50, Duration.ofMinutes(1));
    public final AccountMail mail = new AccountMail(oneTimeTokens, outbox, mailSettings);
    public final AuthSettings settings;
    public final SettingsSource source;
    public final SessionIssuer issuer;
    public final Throttle throttle;
    public final InMemorySecondFactors secondFactorStore = new InMemorySecondFactors();
    public final MfaSettings mfaSettings = new MfaSettings(Duration.ofMinutes(5), "Gatehouse", Duration.ofMinutes(15));
    public final SecondFactors secondFactors;

    public Fixture() {
        this(VerificationMode.NONE);
    }

    public Fixture(VerificationMode mode) {
        this.settings = settings(mode, key((byte) 1));
        this.source = SettingsSource.fixed(settings);
        this.issuer = new SessionIssuer(sessions, signer, source);
        this.throttle = new Throttle(limiter, audit, source, clock);
        this.secondFactors = new SecondFactors(secondFactorStore, secondFactorStore, limiter, audit, source, mfaSettings);
    }

    public static AuthSettings settings(VerificationMode mode, byte[] successorKey) {
        return new AuthSettings(ISSUER, AUDIENCE, ACCESS_TTL, REFRESH_TTL, GRACE, mode,
                new PasswordPolicy(8, Set.of("password", "qwertyuiop")), successorKey);
    }

    public static byte[] key(byte fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        return key;
    }

    /** Stores an active user whose password is {@link #PASSWORD}. */
    public User addUser(String email, String username) {
        User user = User.register(UserId.newId(clock.instant()), EmailAddress.of(email),
                new Profile(username == null ? null : Username.of(username), "", "", null, null),
                FakePasswordHasher.hashOf(PASSWORD), clock.instant());
        users.insert(user);
        return users.get(user.id());
    }

    /** Stores an active user whose address is proved (a claimed account: registration never replaces it). */
    public User addVerifiedUser(String email, String username) {
        User user = addUser(email, username);
        user.confirmEmail();
        users.update(user);
        return users.get(user.id());
    }

    /** Starts a session for the user as login would, outside any use case. */
    public IssuedTokens startSession(User user) {
        SessionIssuer.StartedSession started = issuer.start(user, ClientInfo.UNKNOWN, clock.instant());
        return issuer.tokens(user, started, clock.instant());
    }

    public Principal principal(User user, IssuedTokens tokens) {
        return new Principal(users.get(user.id()), tokens.sessionId());
    }

    /** Disables the stored user, as an administrator would. */
    public User deactivate(User user) {
        User stored = users.get(user.id());
        stored.deactivate();
        users.update(stored);
        return users.get(user.id());
    }

    /** The raw token carried by the newest enqueued mail of that template; fails when there is none. */
    public String lastToken(MailMessage.Template template) {
        List<MailMessage> mails = outbox.enqueued(template);
        if (mails.isEmpty()) {
            throw new AssertionError("no " + template + " mail was enqueued");
        }
        return mails.getLast().parameters().get("token");
    }
}
