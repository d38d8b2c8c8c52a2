package dev.hikyaku.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Loads the master key from configuration, or from (creating once) {@code data/master.key}. */
final class MasterKeys {

  private MasterKeys() {}

  static byte[] load(PlatformProperties properties) {
    if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
      return decode(properties.masterKey().strip(), "hikyaku.platform.master-key");
    }
    Path file = properties.dataDir().resolve("master.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(properties.dataDir());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        } catch (FileAlreadyExistsException raced) {
          // Another process created it first; read theirs below.
        }
      }
      return decode(Files.readString(file).strip(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key " + file, e);
    }
  }

  private static byte[] decode(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the master key in " + source + " is not base64", e);
    }
    if (key.length != 32) {
      throw new IllegalStateException(
          "the master key in " + source + " must be 32 bytes, not " + key.length);
    }
    return key;
  }
}
