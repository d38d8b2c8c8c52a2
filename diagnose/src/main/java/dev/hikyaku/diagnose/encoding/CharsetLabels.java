package dev.hikyaku.diagnose.encoding;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the charset labels found in Content-Type parameters and encoded-words to JDK charsets,
 * and tells the unregistered aliases Japanese mail is full of ({@code SJIS}, {@code x-sjis}, {@code
 * cp932}) from the names registered with IANA, which every reader knows.
 */
final class CharsetLabels {

  /** Unregistered labels seen in mail, with the registered name to use instead. */
  private static final Map<String, String> UNREGISTERED =
      Map.ofEntries(
          Map.entry("sjis", "Shift_JIS"),
          Map.entry("x-sjis", "Shift_JIS"),
          Map.entry("shift-jis", "Shift_JIS"),
          Map.entry("x-shift-jis", "Shift_JIS"),
          Map.entry("x-shift_jis", "Shift_JIS"),
          Map.entry("shiftjis", "Shift_JIS"),
          Map.entry("cp932", "Windows-31J"),
          Map.entry("ms932", "Windows-31J"),
          Map.entry("windows-932", "Windows-31J"),
          Map.entry("x-ms-cp932", "Windows-31J"),
          Map.entry("eucjp", "EUC-JP"),
          Map.entry("euc_jp", "EUC-JP"),
          Map.entry("x-euc-jp", "EUC-JP"),
          Map.entry("x-eucjp", "EUC-JP"),
          Map.entry("ujis", "EUC-JP"),
          Map.entry("iso2022jp", "ISO-2022-JP"),
          Map.entry("jis", "ISO-2022-JP"),
          Map.entry("utf8", "UTF-8"));

  /**
   * A resolved label.
   *
   * @param label the label as written, without quotes
   * @param charset the JDK charset it names, if the JDK knows one
   * @param registeredName the registered name to use instead, when the label is an unregistered
   *     alias
   */
  record Label(String label, Optional<Charset> charset, Optional<String> registeredName) {

    /** The family the charset belongs to, if it is one the detector knows. */
    Optional<DetectedCharset> family() {
      return charset.flatMap(CharsetLabels::family);
    }
  }

  private CharsetLabels() {}

  static Label resolve(String written) {
    String label = written.strip();
    if (label.length() > 1 && label.startsWith("\"") && label.endsWith("\"")) {
      label = label.substring(1, label.length() - 1).strip();
    }
    String lower = label.toLowerCase(Locale.ROOT);
    Optional<String> registered = Optional.ofNullable(UNREGISTERED.get(lower));
    // Looked up by the registered name: the JDK takes "cp932" for IBM's variant, not Windows'.
    return new Label(label, charset(registered.orElse(label)), registered);
  }

  private static Optional<Charset> charset(String name) {
    try {
      return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    } catch (IllegalCharsetNameException e) {
      return Optional.empty(); // a label such as "?" or "a b": no charset by that name
    }
  }

  /** The detectable charset family {@code charset} belongs to, such as CP932 to Shift_JIS. */
  static Optional<DetectedCharset> family(Charset charset) {
    return Optional.ofNullable(
        switch (charset.name()) {
          case "US-ASCII" -> DetectedCharset.US_ASCII;
          case "UTF-8" -> DetectedCharset.UTF_8;
          case "ISO-2022-JP",
              "ISO-2022-JP-2",
              "x-windows-iso2022jp",
              "x-windows-50220",
              "x-windows-50221" ->
              DetectedCharset.ISO_2022_JP;
          case "Shift_JIS", "windows-31j", "x-IBM942C", "x-SJIS_0213", "x-MS932_0213" ->
              DetectedCharset.SHIFT_JIS;
          case "EUC-JP", "x-eucJP-Open", "x-euc-jp-linux" -> DetectedCharset.EUC_JP;
          default -> null;
        });
  }
}
