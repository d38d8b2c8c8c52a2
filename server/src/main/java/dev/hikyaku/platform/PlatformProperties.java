package dev.hikyaku.platform;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("hikyaku.platform")
public record PlatformProperties(@DefaultValue("./data") Path dataDir, String masterKey) {}
