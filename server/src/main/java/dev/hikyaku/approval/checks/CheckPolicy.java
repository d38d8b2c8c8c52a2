package dev.hikyaku.approval.checks;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the pre-send checks treat as blocking, and how far they open archives.
 *
 * <p>Personal data below a blocking threshold is still a {@link Severity#WARNING} once there are
 * two distinct values (addresses, phone numbers) or one (My Numbers, card numbers): one address in
 * a letterhead is normal, two are the start of a list.
 *
 * @param fileAddressesBlockingAt distinct email addresses in one attachment from which it is
 *     blocking (default 10)
 * @param phoneNumbersBlockingAt distinct Japanese phone numbers in one attachment from which it is
 *     blocking (default 10)
 * @param myNumbersBlockingAt distinct My Numbers (個人番号) in one attachment or body from which it is
 *     blocking (default 1: any)
 * @param cardNumbersBlockingAt distinct credit card numbers in one attachment or body from which it
 *     is blocking (default 1: any)
 * @param bodyAddressesBlockingAt distinct addresses visible in one body part, other than the
 *     sender's own, from which it is blocking (default 5)
 * @param blockedExtensions file extensions, lower case without the dot, that may not be attached,
 *     not even inside an archive (default: Windows executables, scripts, shortcuts, disk images)
 * @param encryptedBlocking whether a password-protected archive or document is blocking (default
 *     true: sending the password in a second mail, "PPAP", protects nothing)
 * @param maxArchiveDepth how many archive levels are opened, an archive in an archive counting two
 *     (default 3)
 * @param maxArchiveEntries how many entries one archive may have (default 10 000)
 * @param maxInflatedBytes how many bytes all the archives of one attachment may inflate to together
 *     (default 100 MB); a zip bomb stops here
 */
public record CheckPolicy(
    int fileAddressesBlockingAt,
    int phoneNumbersBlockingAt,
    int myNumbersBlockingAt,
    int cardNumbersBlockingAt,
    int bodyAddressesBlockingAt,
    Set<String> blockedExtensions,
    boolean encryptedBlocking,
    int maxArchiveDepth,
    int maxArchiveEntries,
    long maxInflatedBytes) {

  /** The default blocked extensions: what mail security gateways commonly refuse to carry. */
  public static final Set<String> DEFAULT_BLOCKED_EXTENSIONS =
      Set.of(
          // programs and libraries
          "exe",
          "com",
          "scr",
          "pif",
          "cpl",
          "dll",
          "sys",
          "drv",
          "ocx",
          "msi",
          "msp",
          "mst",
          "msix",
          "msixbundle",
          "appx",
          "appxbundle",
          "application",
          "gadget",
          "xll",
          "jar",
          // scripts
          "bat",
          "cmd",
          "js",
          "jse",
          "vbs",
          "vbe",
          "vb",
          "wsf",
          "wsh",
          "wsc",
          "ws",
          "hta",
          "sct",
          "ps1",
          "psm1",
          "psd1",
          "ps1xml",
          "ps2",
          "ps2xml",
          "psc1",
          "psc2",
          "msh",
          "msh1",
          "msh2",
          "mshxml",
          "msh1xml",
          "msh2xml",
          "inf",
          "ins",
          "isp",
          "reg",
          "scf",
          "shb",
          "shs",
          // shortcuts and consoles that run something
          "lnk",
          "url",
          "website",
          "appref-ms",
          "settingcontent-ms",
          "msc",
          "chm",
          "hlp",
          "diagcab",
          "library-ms",
          "search-ms",
          "xbap",
          // disk images that Windows mounts with one click, skipping mark-of-the-web
          "iso",
          "img",
          "vhd",
          "vhdx");

  public CheckPolicy {
    positive("fileAddressesBlockingAt", fileAddressesBlockingAt);
    positive("phoneNumbersBlockingAt", phoneNumbersBlockingAt);
    positive("myNumbersBlockingAt", myNumbersBlockingAt);
    positive("cardNumbersBlockingAt", cardNumbersBlockingAt);
    positive("bodyAddressesBlockingAt", bodyAddressesBlockingAt);
    positive("maxArchiveDepth", maxArchiveDepth);
    positive("maxArchiveEntries", maxArchiveEntries);
    if (maxInflatedBytes < 1) {
      throw new IllegalArgumentException("maxInflatedBytes must be positive: " + maxInflatedBytes);
    }
    Set<String> extensions = new TreeSet<>();
    for (String extension : blockedExtensions) {
      String e = extension.strip().toLowerCase(Locale.ROOT);
      if (e.startsWith(".")) {
        e = e.substring(1);
      }
      if (e.isEmpty() || e.contains(".") || e.contains("/")) {
        throw new IllegalArgumentException("not a file extension: " + extension);
      }
      extensions.add(e);
    }
    blockedExtensions = Set.copyOf(extensions);
  }

  /** The defaults described on each component. */
  public static CheckPolicy defaults() {
    return new CheckPolicy(
        10, 10, 1, 1, 5, DEFAULT_BLOCKED_EXTENSIONS, true, 3, 10_000, 100L << 20);
  }

  /** Whether {@code extension} (any case, without the dot) may not be attached. */
  public boolean blocks(String extension) {
    return blockedExtensions.contains(extension.toLowerCase(Locale.ROOT));
  }

  /** How severe an encrypted archive or document is. */
  Severity encryptedSeverity() {
    return encryptedBlocking ? Severity.BLOCKING : Severity.WARNING;
  }

  /**
   * How severe {@code distinct} values of {@code kind} in one attachment ({@code inBody} false) or
   * one body part are; empty if too few to mention.
   */
  Optional<Severity> severity(DataKind kind, int distinct, boolean inBody) {
    int blockingAt =
        switch (kind) {
          case ADDRESS -> inBody ? bodyAddressesBlockingAt : fileAddressesBlockingAt;
          case PHONE_NUMBER -> phoneNumbersBlockingAt;
          case MY_NUMBER -> myNumbersBlockingAt;
          case CARD_NUMBER -> cardNumbersBlockingAt;
        };
    int warningFrom = Math.min(blockingAt, kind.warningFrom());
    if (distinct >= blockingAt) {
      return Optional.of(Severity.BLOCKING);
    }
    return distinct >= warningFrom ? Optional.of(Severity.WARNING) : Optional.empty();
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }
}
