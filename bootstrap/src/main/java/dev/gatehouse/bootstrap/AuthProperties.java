package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Everything under {@code auth.*}; each has an environment variable (AUTH_ISSUER, AUTH_MASTER_KEY,
 * AUTH_REGISTRATION_VERIFICATION, AUTH_ACCESS_TOKEN_TTL, …) and a default that works locally.
 */
@ConfigurationProperties("auth")
public class AuthProperties {
    /** Unset: {@code http://localhost:<port>} with the port the server listens on (IssuerFactory). */
    private String issuer;
    private String audience = "gatehouse";
    private String masterKey;
    private String registrationVerification = "optional";
    private Duration accessTokenTtl = Duration.ofMinutes(5);
    private Duration refreshTokenTtl = Duration.ofDays(30);
    private Duration refreshReuseGrace = Duration.ofSeconds(10);
    private int passwordMinLength = 8;
    private String commonPasswordsResource = "gatehouse/common-passwords.txt";
    private int argon2MemoryKib = 19 * 1024;
    private int argon2Iterations = 2;
    private int argon2Parallelism = 1;
    /** 0 means one hash at a time per core. */
    private int argon2Concurrency = 0;
    /** Hashes that may wait for a thread (AUTH_ARGON2_QUEUE_LIMIT); 0 means 16 per thread, about a second of work. */
    private int argon2QueueLimit = 0;
    /** ES256 through AWS-LC where its native library loads (AUTH_CRYPTO_NATIVE); false keeps the JDK's SunEC. */
    private boolean cryptoNative = true;
    /** Where links in mails point; empty means the issuer's API ({@code <issuer>/api/auth}). */
    private String linkBaseUrl;
    /** The verification link after the base (AUTH_LINK_VERIFY_PATH), with {token} and optionally {uid}. */
    private String linkVerifyPath = "/verify-email?token={token}";
    /** The password-reset link after the base (AUTH_LINK_RESET_PATH), with {token} and optionally {uid}. */
    private String linkResetPath = "/password/reset/confirm?token={token}";
    private String mailFrom = "no-reply@localhost";
    private String mailTemplatesDir;
    /** Development only: with no SMTP host, write tokens and links to the log instead of redacting them. */
    private boolean mailLogSecrets = false;
    private int mailMaxAttempts = 8;
    private Duration mailFirstRetry = Duration.ofSeconds(30);
    private Duration mailMaxRetry = Duration.ofHours(1);
    private int mailBatchSize = 20;
    private Duration mailLease = Duration.ofMinutes(2);
    /** How old an instance's copy of the runtime settings may get before it reads them again. */
    private Duration settingsRefresh = Duration.ofSeconds(2);

    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public String getMasterKey() { return masterKey; }
    public void setMasterKey(String masterKey) { this.masterKey = masterKey; }
    public String getRegistrationVerification() { return registrationVerification; }
    public void setRegistrationVerification(String mode) { this.registrationVerification = mode; }
    public Duration getAccessTokenTtl() { return accessTokenTtl; }
    public void setAccessTokenTtl(Duration ttl) { this.accessTokenTtl = ttl; }
    public Duration getRefreshTokenTtl() { return refreshTokenTtl; }
    public void setRefreshTokenTtl(Duration ttl) { this.refreshTokenTtl = ttl; }
    public Duration getRefreshReuseGrace() { return refreshReuseGrace; }
    public void setRefreshReuseGrace(Duration grace) { this.refreshReuseGrace = grace; }
    public int getPasswordMinLength() { return passwordMinLength; }
    public void setPasswordMinLength(int length) { this.passwordMinLength = length; }
    public String getCommonPasswordsResource() { return commonPasswordsResource; }
    public void setCommonPasswordsResource(String resource) { this.commonPasswordsResource = resource; }
    public int getArgon2MemoryKib() { return argon2MemoryKib; }
    public void setArgon2MemoryKib(int kib) { this.argon2MemoryKib = kib; }
    public int getArgon2Iterations() { return argon2Iterations; }
    public void setArgon2Iterations(int iterations) { this.argon2Iterations = iterations; }
    public int getArgon2Parallelism() { return argon2Parallelism; }
    public void setArgon2Parallelism(int parallelism) { this.argon2Parallelism = parallelism; }
    public int getArgon2Concurrency() { return argon2Concurrency; }
    public void setArgon2Concurrency(int concurrency) { this.argon2Concurrency = concurrency; }
    public int getArgon2QueueLimit() { return argon2QueueLimit; }
    public boolean isCryptoNative() { return cryptoNative; }
    public void setCryptoNative(boolean cryptoNative) { this.cryptoNative = cryptoNative; }
    public void setArgon2QueueLimit(int limit) { this.argon2QueueLimit = limit; }
    public String getLinkBaseUrl() { return linkBaseUrl; }
    public void setLinkBaseUrl(String linkBaseUrl) { this.linkBaseUrl = linkBaseUrl; }
    public String getLinkVerifyPath() { return linkVerifyPath; }
    public void setLinkVerifyPath(String path) { this.linkVerifyPath = path; }
    public String getLinkResetPath() { return linkResetPath; }
    public void setLinkResetPath(String path) { this.linkResetPath = path; }
    public String getMailFrom() { return mailFrom; }
    public void setMailFrom(String mailFrom) { this.mailFrom = mailFrom; }
    public String getMailTemplatesDir() { return mailTemplatesDir; }
    public void setMailTemplatesDir(String dir) { this.mailTemplatesDir = dir; }
    public boolean isMailLogSecrets() { return mailLogSecrets; }
    public void setMailLogSecrets(boolean show) { this.mailLogSecrets = show; }
    public int getMailMaxAttempts() { return mailMaxAttempts; }
    public void setMailMaxAttempts(int attempts) { this.mailMaxAttempts = attempts; }
    public Duration getMailFirstRetry() { return mailFirstRetry; }
    public void setMailFirstRetry(Duration delay) { this.mailFirstRetry = delay; }
    public Duration getMailMaxRetry() { return mailMaxRetry; }
    public void setMailMaxRetry(Duration delay) { this.mailMaxRetry = delay; }
    public int getMailBatchSize() { return mailBatchSize; }
    public void setMailBatchSize(int size) { this.mailBatchSize = size; }
    public Duration getMailLease() { return mailLease; }
    public void setMailLease(Duration lease) { this.mailLease = lease; }
    public Duration getSettingsRefresh() { return settingsRefresh; }
    public void setSettingsRefresh(Duration refresh) { this.settingsRefresh = refresh; }
}
