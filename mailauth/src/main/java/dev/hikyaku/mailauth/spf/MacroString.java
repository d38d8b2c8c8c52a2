package dev.hikyaku.mailauth.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parsed SPF macro-string (RFC 7208 §7.1): literal text and macros such as {@code %{ir}} or
 * {@code %{d2}}, expanded against a {@link MacroContext}.
 */
final class MacroString {

  private sealed interface Part {}

  private record Literal(String text) implements Part {}

  private record Macro(char letter, boolean upper, int keep, boolean reverse, String delimiters)
      implements Part {}

  private final List<Part> parts;
  private final String source;

  private MacroString(List<Part> parts, String source) {
    this.parts = List.copyOf(parts);
    this.source = source;
  }

  /**
   * Parses a macro-string; {@code explanation} allows the letters {@code c r t} and spaces, which
   * are only valid in explanation strings (RFC 7208 §7.1, §6.2).
   */
  static MacroString parse(String text, boolean explanation) throws SpfSyntaxException {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '%') {
        // macro-literal = %x21-24 / %x26-7E; explanations also allow SP.
        if ((c < 0x21 || c > 0x7e) && !(explanation && c == ' ')) {
          throw new SpfSyntaxException("invalid character in macro-string: " + printable(c));
        }
        literal.append(c);
        i++;
        continue;
      }
      if (i + 1 >= text.length()) {
        throw new SpfSyntaxException("'%' at the end of a macro-string");
      }
      char next = text.charAt(i + 1);
      switch (next) {
        case '%' -> literal.append('%');
        case '_' -> literal.append(' ');
        case '-' -> literal.append("%20");
        case '{' -> {
          int close = text.indexOf('}', i + 2);
          if (close < 0) {
            throw new SpfSyntaxException("unclosed macro in: " + text);
          }
          if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
          }
          parts.add(macro(text.substring(i + 2, close), explanation));
          i = close + 1;
          continue;
        }
        default -> throw new SpfSyntaxException("invalid macro '%" + next + "' in: " + text);
      }
      i += 2;
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return new MacroString(parts, text);
  }

  private static Macro macro(String body, boolean explanation) throws SpfSyntaxException {
    if (body.isEmpty()) {
      throw new SpfSyntaxException("empty macro %{}");
    }
    char letter = body.charAt(0);
    char lower = Character.toLowerCase(letter);
    if ("slodiphv".indexOf(lower) < 0 && !(explanation && "crt".indexOf(lower) >= 0)) {
      throw new SpfSyntaxException("invalid macro letter '" + letter + "'");
    }
    int i = 1;
    int digitsStart = i;
    while (i < body.length() && Character.isDigit(body.charAt(i))) {
      i++;
    }
    int keep = 0;
    if (i > digitsStart) {
      String digits = body.substring(digitsStart, i);
      // RFC 7208 §7.3: a DIGIT transformer, if given, MUST be nonzero.
      keep = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
      if (keep == 0) {
        throw new SpfSyntaxException("macro transformer must not be zero: %{" + body + "}");
      }
    }
    boolean reverse = false;
    if (i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R')) {
      reverse = true;
      i++;
    }
    String delimiters = body.substring(i);
    for (char d : delimiters.toCharArray()) {
      if (".-+,/_=".indexOf(d) < 0) {
        throw new SpfSyntaxException("invalid macro delimiter '" + d + "' in %{" + body + "}");
      }
    }
    return new Macro(
        lower,
        Character.isUpperCase(letter),
        keep,
        reverse,
        delimiters.isEmpty() ? "." : delimiters);
  }

  /** Whether the string ends with a macro-expand, which makes a domain-spec's end valid. */
  boolean endsWithMacro() {
    return source.matches("(?s).*(%\\{[^}]*\\}|%%|%_|%-)$");
  }

  /** Whether the string contains no macro at all. */
  boolean isLiteral() {
    return parts.stream().allMatch(p -> p instanceof Literal);
  }

  /** The string with every macro expanded. */
  String expand(MacroContext context) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      switch (part) {
        case Literal literal -> out.append(literal.text());
        case Macro macro -> out.append(expand(macro, context));
      }
    }
    return out.toString();
  }

  private static String expand(Macro macro, MacroContext context) {
    String value = context.value(macro.letter());
    List<String> pieces = new ArrayList<>(Arrays.asList(split(value, macro.delimiters())));
    if (macro.reverse()) {
      java.util.Collections.reverse(pieces);
    }
    if (macro.keep() > 0 && macro.keep() < pieces.size()) {
      pieces = pieces.subList(pieces.size() - macro.keep(), pieces.size());
    }
    String joined = String.join(".", pieces);
    return macro.upper() ? urlEscape(joined) : joined;
  }

  private static String[] split(String value, String delimiters) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (delimiters.indexOf(value.charAt(i)) >= 0) {
        out.add(value.substring(start, i));
        start = i + 1;
      }
    }
    out.add(value.substring(start));
    return out.toArray(String[]::new);
  }

  /** RFC 7208 §7.3: upper-case macros are URL-escaped, all but the unreserved characters. */
  private static String urlEscape(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
  }

  @Override
  public String toString() {
    return source;
  }
}
