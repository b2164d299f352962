package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_STARTTLS (and SMTP_TIMEOUT). */
@ConfigurationProperties("smtp")
public class SmtpProperties {
    private String host;
    private int port = 587;
    private String username;
    private String password;
    private boolean starttls = true;
    private Duration timeout = Duration.ofSeconds(10);

    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isStarttls() { return starttls; }
    public void setStarttls(boolean starttls) { this.starttls = starttls; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
