package dev.hikyaku.diagnose.headers;

import dev.hikyaku.diagnose.Excerpt;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the TLS version and cipher in the comments of a Received field, in each MTA's style. */
final class TlsComments {

  private TlsComments() {}

  /**
   * The TLS details in {@code comments}, read in these styles: Postfix {@code using TLSv1.3 with
   * cipher X (256/256 bits) ...}; Gmail, Sendmail and Microsoft {@code version=TLS1_3 cipher=X}
   * (with or without commas); Exim {@code (TLS1.3) tls X} with the cipher in {@code withWords}, and
   * older Exim {@code (TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256)}; Exchange's bare {@code (TLS)}.
   */
  static Optional<TlsInfo> find(List<String> comments, List<String> withWords) {
    Optional<String> cipherWord = Optional.empty();
    for (int i = 0; i + 1 < withWords.size(); i++) {
      if (withWords.get(i).equalsIgnoreCase("tls")) {
        cipherWord = Optional.of(withWords.get(i + 1));
        break;
      }
    }
    for (String comment : comments) {
      Optional<TlsInfo> found = inComment(comment);
      if (found.isPresent()) {
        TlsInfo tls = found.get();
        return Optional.of(tls.cipher().isPresent() ? tls : new TlsInfo(tls.version(), cipherWord));
      }
    }
    return cipherWord.map(cipher -> new TlsInfo(Optional.empty(), Optional.of(cipher)));
  }

  private static Optional<TlsInfo> inComment(String comment) {
    List<String> words = StampTokens.words(comment.replace(',', ' '));
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String first = words.get(0);
    if (first.equalsIgnoreCase("using") && words.size() > 1 && isVersion(words.get(1))) {
      return Optional.of(new TlsInfo(version(words.get(1)), after(words, "cipher")));
    }
    Optional<String> version = Optional.empty();
    Optional<String> cipher = Optional.empty();
    for (String word : words) {
      String lower = word.toLowerCase(Locale.ROOT);
      if (lower.startsWith("version=") && version.isEmpty()) {
        version = version(word.substring(8));
      } else if (lower.startsWith("cipher=") && cipher.isEmpty()) {
        cipher = nonEmpty(word.substring(7));
      }
    }
    if (version.isPresent() || cipher.isPresent()) {
      return Optional.of(new TlsInfo(version, cipher));
    }
    if (words.size() == 1 && isVersion(first)) {
      String[] parts = first.split(":", -1);
      return Optional.of(
          new TlsInfo(version(parts[0]), parts.length > 1 ? nonEmpty(parts[1]) : Optional.empty()));
    }
    if (words.size() == 1 && first.equalsIgnoreCase("TLS")) {
      return Optional.of(new TlsInfo(Optional.empty(), Optional.empty()));
    }
    return Optional.empty();
  }

  private static boolean isVersion(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return (upper.startsWith("TLS") || upper.startsWith("SSL")) && word.length() > 3;
  }

  private static Optional<String> version(String text) {
    return nonEmpty(text).map(TlsInfo::normalizeVersion);
  }

  private static Optional<String> after(List<String> words, String keyword) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equalsIgnoreCase(keyword)) {
        return nonEmpty(words.get(i + 1));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nonEmpty(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(Excerpt.of(text, 100));
  }
}
