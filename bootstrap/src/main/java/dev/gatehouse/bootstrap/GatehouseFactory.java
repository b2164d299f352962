package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.crypto.Argon2Parameters;
import dev.gatehouse.adapter.out.crypto.EcdsaSettings;
import dev.gatehouse.adapter.out.crypto.KeyEncryption;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.user.PasswordPolicy;
import dev.gatehouse.application.port.in.ManageSettingsUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.port.out.SettingsStore;
import dev.gatehouse.application.service.RuntimeSettingsService;
import dev.gatehouse.application.service.EnumerationFloor;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the framework-free application services. The application module has no annotation
 * processor and knows nothing of Micronaut: this is where it meets the container.
 */
@Factory
public class GatehouseFactory {
    private static final Logger LOG = LoggerFactory.getLogger(GatehouseFactory.class);

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Context
    MasterKey masterKey(AuthProperties properties) {
        return MasterKey.from(properties.getMasterKey());
    }

    // @Context: a bad setting stops the service at start-up instead of failing every request later.
    // Typed: the base settings are not the SettingsSource the use cases read (that is the runtime one).
    @Context
    @Bean(typed = AuthSettings.class)
    AuthSettings authSettings(AuthProperties p, MasterKey masterKey, IssuerFactory.Issuer issuer) {
        VerificationMode mode;
        try {
            mode = VerificationMode.parse(p.getRegistrationVerification());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AUTH_REGISTRATION_VERIFICATION must be none, optional or mandatory, was "
                    + p.getRegistrationVerification());
        }
        AuthSettings settings = new AuthSettings(issuer.url(), p.getAudience(), p.getAccessTokenTtl(),
                p.getRefreshTokenTtl(), p.getRefreshReuseGrace(), mode,
                new PasswordPolicy(p.getPasswordMinLength(), commonPasswords(p.getCommonPasswordsResource())),
                masterKey.derive("refresh-successor/v1"));
        LOG.info("Settings: {}", settings);
        return settings;
    }

    @Singleton
    KeyEncryption keyEncryption(MasterKey masterKey) {
        return new KeyEncryption(masterKey.derive("signing-key-encryption/v1"));
    }

    @Singleton
    EcdsaSettings ecdsaSettings(AuthProperties p) {
        return new EcdsaSettings(p.isCryptoNative());
    }

    @Singleton
    Argon2Parameters argon2Parameters(AuthProperties p) {
        int concurrency = p.getArgon2Concurrency() > 0 ? p.getArgon2Concurrency() : Runtime.getRuntime().availableProcessors();
        int queueLimit = p.getArgon2QueueLimit() > 0 ? p.getArgon2QueueLimit() : Argon2Parameters.defaultQueueLimit(concurrency);
        return new Argon2Parameters(p.getArgon2MemoryKib(), p.getArgon2Iterations(), p.getArgon2Parallelism(), concurrency, queueLimit);
    }

    /** The settings the use cases read: configuration, with the database's runtime values on top. */
    @Context
    @Bean(typed = {SettingsSource.class, ManageSettingsUseCase.class, RuntimeSettingsService.class})
    RuntimeSettingsService runtimeSettings(AuthSettings base, SettingsStore store, AuditLog audit, Clock clock,
                                           AuthProperties p) {
        RuntimeSettingsService settings = new RuntimeSettingsService(base, store, audit, clock);
        settings.initialise();
        Tunables configured = Tunables.of(base);
        Tunables stored = Tunables.of(settings.current());
        if (!configured.equals(stored)) {
            // The database row wins after the first start; say so, or an operator edits variables in vain.
            LOG.warn("Runtime settings in the database differ from the configuration ({} vs {}); the database wins. "
                    + "Change them with PUT /api/admin/settings.", stored, configured);
        }
        return settings;
    }

    // @Context: a malformed AUTH_ENUMERATION_FLOOR stops the service at start-up, not at the first request.
    @Context
    EnumerationFloor enumerationFloor(@Value("${auth.enumeration-floor:400ms}") Duration floor) {
        return new EnumerationFloor(floor);
    }

    static Set<String> commonPasswords(String resource) {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = GatehouseFactory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("common-password list " + resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String candidate = line.strip();
                if (!candidate.isEmpty() && !candidate.startsWith("#")) {
                    passwords.add(candidate.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return passwords;
    }
}
