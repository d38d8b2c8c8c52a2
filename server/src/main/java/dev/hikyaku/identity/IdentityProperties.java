package dev.hikyaku.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login, lockout and network settings.
 *
 * @param maxFailedLogins failed passwords or codes in a row before the account locks; default 5
 * @param lockDuration how long a locked account stays locked; default 15 minutes
 * @param setupLinkValidity how long a setup or invitation link works; default 24 hours
 * @param trustedProxies addresses (CIDR) of reverse proxies whose {@code X-Forwarded-For} is
 *     believed; empty by default, so the header is ignored and cannot be spoofed
 * @param publicUrl the console's address as people reach it, used in printed setup links; default
 *     {@code http://127.0.0.1:8080}
 * @param tokenMaxValidity the longest expiry an API token may have; default 365 days
 */
@ConfigurationProperties("hikyaku.identity")
public record IdentityProperties(
    @DefaultValue("5") int maxFailedLogins,
    @DefaultValue("15m") Duration lockDuration,
    @DefaultValue("24h") Duration setupLinkValidity,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("http://127.0.0.1:8080") String publicUrl,
    @DefaultValue("365d") Duration tokenMaxValidity) {}
