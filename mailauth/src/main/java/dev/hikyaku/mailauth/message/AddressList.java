package dev.hikyaku.mailauth.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extracts the addr-specs of an RFC 5322 address-list (§3.4) such as a From field's value: display
 * names, comments (nested), quoted strings, angle brackets and groups are understood; anything
 * unreadable is skipped, so a hostile header gives fewer addresses, never an exception.
 */
public final class AddressList {

  /** At most this many addresses are read from one field, to bound the work. */
  public static final int MAX_ADDRESSES = 100;

  private AddressList() {}

  /** The addresses in {@code value}, as written (local part and domain), in order. */
  public static List<String> addresses(String value) {
    List<String> out = new ArrayList<>();
    for (String mailbox : splitTopLevel(stripComments(value))) {
      String address = addrSpec(mailbox);
      if (address != null && out.size() < MAX_ADDRESSES) {
        out.add(address);
      }
    }
    return out;
  }

  /**
   * The domain of each address in {@code value}, lower-cased; addresses without '@' are left out.
   */
  public static List<String> domains(String value) {
    List<String> out = new ArrayList<>();
    for (String address : addresses(value)) {
      int at = address.lastIndexOf('@');
      if (at > 0 && at < address.length() - 1) {
        String domain = address.substring(at + 1).strip();
        if (domain.endsWith(".")) {
          domain = domain.substring(0, domain.length() - 1);
        }
        out.add(domain.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** Removes comments, keeping quoted strings intact (RFC 5322 §3.2.2). */
  static String stripComments(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() && (quoted || depth > 0)) {
        if (depth == 0) {
          out.append(c).append(value.charAt(i + 1));
        }
        i++;
      } else if (depth == 0 && c == '"') {
        quoted = !quoted;
        out.append(c);
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
        if (depth == 0) {
          out.append(' ');
        }
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Splits at commas outside quotes and angle brackets; a group's "name:" and ";" go away. */
  private static List<String> splitTopLevel(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean angle = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && quoted && i + 1 < value.length()) {
        current.append(c).append(value.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '<') {
        angle = true;
      } else if (!quoted && c == '>') {
        angle = false;
      } else if (!quoted && !angle && (c == ',' || c == ';')) {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      } else if (!quoted && !angle && c == ':') {
        current.setLength(0); // display-name ":" of a group (RFC 5322 §3.4)
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString());
    return parts;
  }

  /** The addr-spec of one mailbox: the part in angle brackets, or the whole text. */
  private static String addrSpec(String mailbox) {
    String m = mailbox.strip();
    int open = lastUnquoted(m, '<');
    if (open >= 0) {
      int close = m.indexOf('>', open);
      m = (close < 0 ? m.substring(open + 1) : m.substring(open + 1, close)).strip();
      // An obsolete route (RFC 5322 §4.4): "@a.example,@b.example:user@c.example".
      int colon = m.lastIndexOf(':');
      if (m.startsWith("@") && colon > 0) {
        m = m.substring(colon + 1);
      }
    }
    int at = lastUnquoted(m, '@');
    if (m.isEmpty() || at <= 0 || at == m.length() - 1) {
      return null;
    }
    String local = m.substring(0, at).strip();
    String domain = m.substring(at + 1).strip();
    if (domain.chars().anyMatch(ch -> ch == ' ' || ch == '"' || ch == '<' || ch == '>')) {
      return null;
    }
    return local + "@" + domain;
  }

  private static int lastUnquoted(String text, char wanted) {
    boolean quoted = false;
    int found = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == wanted) {
        found = i;
      }
    }
    return found;
  }
}
