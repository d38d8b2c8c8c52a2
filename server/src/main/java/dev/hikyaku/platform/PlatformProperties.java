package dev.hikyaku.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Hikyaku keeps its files and the key that encrypts secrets at rest.
 *
 * @param dataDir directory for the embedded database, the generated master key and backups; default
 *     {@code ./data}
 * @param masterKey base64 of a 32-byte AES key that encrypts secrets at rest (TOTP seeds, later
 *     DKIM private keys); when empty, a key is generated once into {@code dataDir/master.key} (mode
 *     600). Set it explicitly on clustered deployments so every node shares it.
 * @param dnsServer the DNS server to ask, {@code host} or {@code host:port}; empty: the system's
 *     resolvers
 * @param dnsTimeout how long one DNS query may take
 * @param dnsCacheMaxTtl the longest time an answer is cached, whatever its TTL: short, so that a
 *     record an operator just published is seen at the next "verify"
 */
@ConfigurationProperties("hikyaku.platform")
public record PlatformProperties(
    @DefaultValue("./data") Path dataDir,
    String masterKey,
    @DefaultValue("") String dnsServer,
    @DefaultValue("5s") Duration dnsTimeout,
    @DefaultValue("60s") Duration dnsCacheMaxTtl) {}
