package dev.hikyaku.cli;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hikyaku dkim keygen}: DKIM key material. Needs neither the database nor the application
 * context, so it is one of the {@link StandaloneCommands}.
 */
@Command(
    name = "dkim",
    description = "DKIM keys (RFC 6376, RFC 8463).",
    mixinStandardHelpOptions = true,
    subcommands = {DkimCommand.Keygen.class})
class DkimCommand {

  /**
   * Writes a new private key (PKCS#8 PEM, mode 0600, never over an existing file) and prints the
   * TXT record to publish. Exit 0 on success, 1 if the key file exists, 2 for bad options.
   */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = "Generate a key pair: write the private key, print the DNS record to publish.")
  static class Keygen implements Callable<Integer> {

    @Option(names = "--domain", required = true, description = "Signing domain (d=).")
    String domain;

    @Option(names = "--selector", required = true, description = "Selector (s=).")
    String selector;

    @Option(
        names = "--algorithm",
        defaultValue = "rsa",
        description = "rsa or ed25519 (default rsa).")
    String algorithm;

    @Option(names = "--bits", description = "RSA key size, 1024 to 4096 (default 2048).")
    Integer bits;

    @Option(
        names = "--out",
        defaultValue = ".",
        description = "Directory for the private key file (default: the current directory).")
    Path out;

    @Override
    public Integer call() throws IOException {
      String name;
      KeyPair keys;
      try {
        name = DkimKeys.recordName(selector, domain);
        keys = generate();
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      Path file = out.resolve(name + ".pem");
      Files.createDirectories(out);
      try (SeekableByteChannel channel = createPrivate(file);
          Writer writer = Channels.newWriter(channel, StandardCharsets.US_ASCII)) {
        writer.write(DkimKeys.toPem(keys.getPrivate()));
      } catch (FileAlreadyExistsException e) {
        System.err.println(
            "refusing to overwrite " + file + ": move it away or choose a new --selector");
        return 1;
      }
      System.out.println(
          "Wrote the private key to " + file + " (PKCS#8 PEM, mode 0600). Keep it secret.");
      System.out.println(
          "Publish this TXT record in the DNS zone of " + domain.toLowerCase(Locale.ROOT) + ":");
      System.out.println();
      System.out.println(DkimKeys.zoneFileLine(selector, domain, keys.getPublic()));
      return 0;
    }

    private KeyPair generate() {
      return switch (algorithm.toLowerCase(Locale.ROOT)) {
        case "rsa" -> DkimKeys.generateRsa(bits == null ? DkimKeys.DEFAULT_RSA_BITS : bits);
        case "ed25519" -> {
          if (bits != null) {
            throw new IllegalArgumentException("--bits applies to rsa keys only");
          }
          yield DkimKeys.generateEd25519();
        }
        default ->
            throw new IllegalArgumentException(
                "unknown algorithm: " + algorithm + " (rsa or ed25519)");
      };
    }

    /** Creates {@code file} atomically, readable by its owner only; fails if it exists. */
    private static SeekableByteChannel createPrivate(Path file) throws IOException {
      Set<StandardOpenOption> options =
          Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        FileAttribute<?> ownerOnly =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        return Files.newByteChannel(file, options, ownerOnly);
      }
      return Files.newByteChannel(file, options);
    }
  }
}
