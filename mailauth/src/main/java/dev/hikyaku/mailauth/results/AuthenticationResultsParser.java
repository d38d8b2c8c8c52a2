package dev.hikyaku.mailauth.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads Authentication-Results (RFC 8601 §2.2) and ARC-Authentication-Results (RFC 8617 §4.1.1)
 * header fields written by others. Total: any input gives a {@link ParsedAuthenticationResults},
 * never an exception, in time linear in the input.
 *
 * <p>The full grammar is read: comments anywhere CFWS may be (nested, with quoted-pairs), quoted
 * strings, an authserv-id with an optional version, {@code none}, {@code method/version}, {@code
 * reason=}, and {@code ptype.property=value} where the value is a token, a quoted string or {@code
 * [local-part]@domain}. Deviations seen in deployed receivers are read and listed as problems: a
 * field without authserv-id (Microsoft 365), properties without a ptype ({@code action=none}), a
 * trailing semicolon. After a syntax error the parser resumes at the next semicolon. Guards: input
 * beyond {@link #MAX_INPUT} characters is ignored, at most {@link #MAX_RESULTS} results and {@link
 * #MAX_PROPERTIES} properties per result are kept, and comment nesting deeper than {@link
 * HeaderScanner#MAX_COMMENT_DEPTH} is reported.
 */
public final class AuthenticationResultsParser {

  /** Characters read at most; a header field is far shorter (RFC 5322 §2.1.1). */
  public static final int MAX_INPUT = 65_536;

  /** Results kept at most per field. */
  public static final int MAX_RESULTS = 256;

  /** Properties kept at most per result. */
  public static final int MAX_PROPERTIES = 64;

  private AuthenticationResultsParser() {}

  /**
   * Parses a field value, or a whole field: a leading {@code Authentication-Results:} is skipped
   * and a leading {@code ARC-Authentication-Results:} makes it read the ARC form.
   */
  public static ParsedAuthenticationResults parse(String fieldOrValue) {
    if (fieldOrValue == null) {
      return new Run("", List.of("no input")).parse(false);
    }
    String head = fieldOrValue.substring(0, Math.min(fieldOrValue.length(), 40));
    String lower = head.stripLeading().toLowerCase(Locale.ROOT);
    String arcName = AuthenticationResultsWriter.ARC_FIELD_NAME.toLowerCase(Locale.ROOT) + ":";
    String name = AuthenticationResultsWriter.FIELD_NAME.toLowerCase(Locale.ROOT) + ":";
    int offset = fieldOrValue.length() - fieldOrValue.stripLeading().length();
    if (lower.startsWith(arcName)) {
      return parseArc(fieldOrValue.substring(offset + arcName.length()));
    }
    String value =
        lower.startsWith(name) ? fieldOrValue.substring(offset + name.length()) : fieldOrValue;
    return new Run(value, List.of()).parse(false);
  }

  /** Parses the value of an ARC-Authentication-Results field: {@code i=N;} then RFC 8601. */
  public static ParsedAuthenticationResults parseArc(String value) {
    return new Run(value == null ? "" : value, List.of()).parse(true);
  }

  /** One parse: the scanner, what was read so far and the problems. */
  private static final class Run {
    private final List<String> problems = new ArrayList<>();
    private final HeaderScanner in;
    private final List<MethodResult> results = new ArrayList<>();
    private OptionalInt arcInstance = OptionalInt.empty();
    private Optional<String> authservId = Optional.empty();
    private OptionalInt version = OptionalInt.empty();
    private boolean noResult;

    Run(String raw, List<String> initialProblems) {
      problems.addAll(initialProblems);
      in = new HeaderScanner(HeaderScanner.unfold(raw, MAX_INPUT, problems), problems);
    }

    ParsedAuthenticationResults parse(boolean arc) {
      if (arc) {
        readArcInstance();
      }
      boolean semicolonRead = readAuthservId();
      while (true) {
        in.skipCfws(null);
        if (in.atEnd()) {
          break;
        }
        if (!semicolonRead && !in.consume(';')) {
          in.problem("expected ';' at offset " + in.position());
          in.skipToSemicolon();
          continue;
        }
        semicolonRead = false;
        readResinfo();
      }
      if (results.isEmpty() && !noResult && problems.isEmpty()) {
        in.problem("no result and no 'none'");
      }
      return new ParsedAuthenticationResults(
          arcInstance, authservId, version, results, noResult, problems);
    }

    // RFC 8617 §4.1.1: arc-info = instance [CFWS] ";" authres-payload
    private void readArcInstance() {
      in.skipCfws(null);
      int start = in.position();
      if (in.keyword().equalsIgnoreCase("i")) {
        in.skipCfws(null);
        if (in.consume('=')) {
          in.skipCfws(null);
          OptionalInt n = number(in.digits());
          in.skipCfws(null);
          if (n.isPresent() && in.consume(';')) {
            arcInstance = n;
            return;
          }
        }
      }
      in.problem("missing or malformed ARC instance 'i=N;'");
      in.reset(start);
      in.skipToSemicolon();
      in.consume(';');
    }

    /** Reads authserv-id [version]; true when it found none and a result starts right away. */
    private boolean readAuthservId() {
      in.skipCfws(null);
      int start = in.position();
      if (in.peek() == ';' || in.atEnd()) {
        in.problem("missing authserv-id");
        return false;
      }
      String id = in.peek() == '"' ? in.quotedString() : in.token();
      in.skipCfws(null);
      if (in.peek() == '=' || in.peek() == '/' || id.isEmpty()) {
        // "spf=pass ..." with no authserv-id, as Microsoft 365 writes it.
        in.problem("missing authserv-id");
        in.reset(start);
        return true;
      }
      authservId = Optional.of(id);
      String digits = in.digits();
      if (!digits.isEmpty()) {
        version = number(digits);
      }
      return false;
    }

    // RFC 8601 §2.2: resinfo = [CFWS] ";" methodspec [ CFWS reasonspec ] [ CFWS 1*propspec ]
    private void readResinfo() {
      in.skipCfws(null);
      if (in.atEnd()) {
        in.problem("trailing ';'");
        return;
      }
      if (in.peek() == ';') {
        in.problem("empty result at offset " + in.position());
        return;
      }
      int start = in.position();
      String method = in.keyword();
      List<String> comments = new ArrayList<>();
      in.skipCfws(comments);
      if (method.equalsIgnoreCase("none") && in.peek() != '=' && in.peek() != '/') {
        // RFC 8601 §2.2 no-result: "none" instead of any result.
        if (!results.isEmpty() || noResult) {
          in.problem("'none' among results at offset " + start);
        }
        noResult = true;
        return;
      }
      if (method.isEmpty()) {
        in.problem("expected a method at offset " + start);
        in.skipToSemicolon();
        return;
      }
      OptionalInt methodVersion = OptionalInt.empty();
      if (in.consume('/')) {
        in.skipCfws(comments);
        methodVersion = number(in.digits());
        in.skipCfws(comments);
      }
      if (!in.consume('=')) {
        in.problem("expected '=' after method " + method);
        in.skipToSemicolon();
        return;
      }
      in.skipCfws(comments);
      String result = in.keyword();
      if (result.isEmpty()) {
        in.problem("no result for method " + method);
        in.skipToSemicolon();
        return;
      }
      ResinfoBuilder resinfo = new ResinfoBuilder(method, methodVersion, result);
      resinfo.comments().addAll(comments);
      readProperties(resinfo);
      if (results.size() < MAX_RESULTS) {
        results.add(resinfo.build(in));
      } else if (results.size() == MAX_RESULTS) {
        in.problem("more than " + MAX_RESULTS + " results; the rest ignored");
      }
    }

    private void readProperties(ResinfoBuilder resinfo) {
      while (true) {
        in.skipCfws(resinfo.comments());
        if (in.atEnd() || in.peek() == ';') {
          return;
        }
        int start = in.position();
        String first = in.keyword();
        if (first.isEmpty()) {
          in.problem("unexpected '" + in.peek() + "' at offset " + start);
          if (in.peek() == '"') {
            in.quotedString();
          } else if (in.bareValue().isEmpty()) {
            in.reset(start + 1);
          }
          continue;
        }
        in.skipCfws(resinfo.comments());
        if (in.consume('.')) {
          in.skipCfws(resinfo.comments());
          String property = in.keyword();
          in.skipCfws(resinfo.comments());
          if (property.isEmpty() || !in.consume('=')) {
            in.problem("malformed property " + first + "." + property + " at offset " + start);
            in.bareValue();
            continue;
          }
          resinfo.property(in, first, property, pvalue(resinfo.comments()));
        } else if (in.consume('=')) {
          String value = pvalue(resinfo.comments());
          if (first.equalsIgnoreCase("reason") && !resinfo.hasReason()) {
            resinfo.reason(value);
          } else {
            in.problem("property without ptype: " + first);
            resinfo.property(in, "", first, value);
          }
        } else {
          in.problem("expected '.' or '=' after " + first + " at offset " + start);
        }
      }
    }

    // RFC 8601 §2.2: pvalue = [CFWS] ( value / [ [ local-part ] "@" ] domain-name ) [CFWS]
    private String pvalue(List<String> comments) {
      in.skipCfws(comments);
      if (in.peek() == '"') {
        String quoted = in.quotedString();
        if (in.consume('@')) {
          String local = Syntax.isDotAtom(quoted) ? quoted : Syntax.quote(quoted);
          return local + "@" + in.bareValue();
        }
        return quoted;
      }
      String value = in.bareValue();
      if (value.isEmpty()) {
        in.problem("missing value at offset " + in.position());
      }
      return value;
    }

    private OptionalInt number(String digits) {
      if (digits.isEmpty() || digits.length() > 9) {
        in.problem("expected a number of 1 to 9 digits at offset " + in.position());
        return OptionalInt.empty();
      }
      return OptionalInt.of(Integer.parseInt(digits));
    }
  }
}
