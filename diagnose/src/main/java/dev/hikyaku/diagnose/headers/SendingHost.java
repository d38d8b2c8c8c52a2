package dev.hikyaku.diagnose.headers;

import dev.hikyaku.diagnose.Excerpt;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sending host as the receiving MTA recorded it in the {@code from} clause: RFC 5321 §4.4's
 * TCP-info comment ({@code (name [ip])}) and the variants MTAs write.
 *
 * @param hostName the reverse DNS name the receiver looked up
 * @param address the IP address
 * @param helo the HELO/EHLO name
 */
record SendingHost(Optional<String> hostName, Optional<String> address, Optional<String> helo) {

  private static final int MAX_NAME = 255;

  /**
   * Reads the {@code from} clause. Postfix, Sendmail and Gmail write {@code from HELO (rdns [ip])}
   * ({@code unknown} when there is no name); Microsoft {@code from HELO (ip)}; Exim {@code from
   * rdns ([ip]:port helo=HELO)} or {@code from [ip] (port=n helo=HELO)}; qmail {@code from rdns
   * (HELO helo) (ip)}. When a comment names the HELO, or the MTA is Exim or qmail, the first word
   * is the reverse DNS name; otherwise it is the HELO and the name comes from the comment. For a
   * local submission (Exim's {@code from user by host with local}) the first word is a user, not a
   * host.
   */
  static SendingHost read(
      Optional<String> fromWord, List<String> comments, Mta mta, boolean local) {
    if (local) {
      return new SendingHost(Optional.empty(), Optional.empty(), Optional.empty());
    }
    Optional<String> commentName = Optional.empty();
    Optional<String> commentAddress = Optional.empty();
    Optional<String> commentHelo = Optional.empty();
    for (String comment : comments) {
      Tcp tcp = tcpInfo(comment);
      if (commentHelo.isEmpty()) {
        commentHelo = tcp.helo();
      }
      if (commentAddress.isEmpty() && tcp.address().isPresent()) {
        commentAddress = tcp.address();
        commentName = tcp.name();
      }
      if (commentAddress.isPresent() && commentHelo.isPresent()) {
        break;
      }
    }
    Optional<String> literal = fromWord.flatMap(IpText::addressIn);
    Optional<String> address = commentAddress.or(() -> literal);
    Optional<String> word = fromWord.filter(w -> literal.isEmpty()).flatMap(SendingHost::hostName);
    if (commentHelo.isPresent() || mta == Mta.EXIM || mta == Mta.QMAIL) {
      Optional<String> helo = commentHelo.or(() -> literal.isEmpty() ? word : Optional.empty());
      return new SendingHost(word, address, helo);
    }
    return new SendingHost(commentName, address, fromWord.map(w -> Excerpt.of(w, MAX_NAME)));
  }

  /** What one comment of the {@code from} clause says. */
  private record Tcp(Optional<String> name, Optional<String> address, Optional<String> helo) {}

  private static Tcp tcpInfo(String comment) {
    Optional<String> name = Optional.empty();
    Optional<String> address = Optional.empty();
    Optional<String> helo = Optional.empty();
    List<String> words = StampTokens.words(comment);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String lower = word.toLowerCase(Locale.ROOT);
      if (word.equals("HELO") && i + 1 < words.size()) {
        helo = Optional.of(Excerpt.of(words.get(++i), MAX_NAME)); // qmail
      } else if (lower.startsWith("helo=")) {
        helo = Optional.of(Excerpt.of(word.substring(5), MAX_NAME)); // Exim
      } else if (address.isEmpty()) {
        address = IpText.addressIn(word);
        if (address.isEmpty() && name.isEmpty() && !lower.contains("=")) {
          name = hostName(word);
        }
      }
    }
    return new Tcp(address.isPresent() ? name : Optional.empty(), address, helo);
  }

  /**
   * {@code word} as a host name, without an ident user ({@code user@host}) or the root's trailing
   * dot; empty for {@code unknown} and for anything that is not a name.
   */
  static Optional<String> hostName(String word) {
    String name = word.substring(word.lastIndexOf('@') + 1);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty()
        || name.length() > MAX_NAME
        || name.equalsIgnoreCase("unknown")
        || name.startsWith(".")
        || name.contains("..")) {
      return Optional.empty();
    }
    boolean letter = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alpha = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
      letter |= alpha;
      if (!(alpha || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
        return Optional.empty();
      }
    }
    return letter ? Optional.of(name) : Optional.empty();
  }
}
