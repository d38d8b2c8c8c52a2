package dev.hikyaku.diagnose.headers;

import dev.hikyaku.mailauth.message.HeaderBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the verdicts spam filters leave in headers — SpamAssassin, rspamd, Microsoft 365 (Exchange
 * Online Protection) and Gmail — and says in words what each means.
 */
public final class SpamVerdicts {

  private SpamVerdicts() {}

  /** One filter's verdict: which field, which filter, what it concluded and why. */
  public record Verdict(String field, String filter, boolean spam, String explanation) {}

  /** Every verdict found in {@code headers}, in header order. */
  public static List<Verdict> read(HeaderBlock headers) {
    List<Verdict> out = new ArrayList<>();
    for (HeaderBlock.Field field : headers.fields()) {
      String name = field.name().toLowerCase(Locale.ROOT);
      String value = field.value();
      switch (name) {
        case "x-spam-status" -> spamAssassin(field.name(), value, out);
        case "x-spam-flag" ->
            out.add(
                new Verdict(
                    field.name(),
                    "SpamAssassin",
                    value.equalsIgnoreCase("yes"),
                    value.equalsIgnoreCase("yes") ? "marked as spam" : "not marked as spam"));
        case "x-spamd-result" -> rspamd(field.name(), value, out);
        case "x-rspamd-action" ->
            out.add(
                new Verdict(
                    field.name(),
                    "rspamd",
                    !value.equalsIgnoreCase("no action"),
                    "action: " + value));
        case "x-forefront-antispam-report", "x-forefront-antispam-report-untrusted" ->
            forefront(field.name(), value, out);
        case "x-microsoft-antispam" -> bulk(field.name(), value, out);
        case "x-ms-exchange-organization-scl" -> scl(field.name(), value.strip(), out);
        case "x-gm-spam", "x-gm-phishy" ->
            out.add(
                new Verdict(
                    field.name(),
                    "Gmail",
                    value.strip().equals("1"),
                    (name.equals("x-gm-spam") ? "spam" : "phishing") + " flag " + value.strip()));
        default -> {}
      }
    }
    return out;
  }

  /** {@code Yes, score=7.2 required=5.0 tests=BAYES_99,...}. */
  private static void spamAssassin(String field, String value, List<Verdict> out) {
    Map<String, String> tags = tags(value.replace(',', ' '), ' ');
    boolean spam = value.regionMatches(true, 0, "yes", 0, 3);
    out.add(
        new Verdict(
            field,
            "SpamAssassin",
            spam,
            (spam ? "spam" : "not spam")
                + ", score "
                + tags.getOrDefault("score", "?")
                + " of "
                + tags.getOrDefault("required", "?")
                + " needed"
                + (tags.containsKey("tests") ? "; rules: " + rules(value) : "")));
  }

  /** The comma-separated rule list after {@code tests=}, which folding may split over lines. */
  private static String rules(String value) {
    StringBuilder rules = new StringBuilder();
    boolean inTests = false;
    for (String token : value.split("\\s+")) {
      if (token.startsWith("tests=")) {
        inTests = true;
        token = token.substring(6);
      } else if (!inTests || rules.isEmpty() || rules.charAt(rules.length() - 1) != ',') {
        if (inTests) {
          break;
        }
        continue;
      }
      rules.append(token);
    }
    return rules.toString();
  }

  /** {@code default: False [2.50 / 15.00]; SYMBOL(1.00)[...]; ...}. */
  private static void rspamd(String field, String value, List<Verdict> out) {
    int open = value.indexOf('[');
    int close = value.indexOf(']', Math.max(open, 0));
    String score = open >= 0 && close > open ? value.substring(open + 1, close).strip() : "?";
    boolean spam = value.toLowerCase(Locale.ROOT).contains(": true");
    out.add(
        new Verdict(
            field,
            "rspamd",
            spam,
            (spam ? "spam" : "not spam") + ", score " + score + " (score / reject threshold)"));
  }

  /** Microsoft 365: {@code CIP:..;CTRY:..;SCL:5;SFV:SPM;CAT:SPM;...} (Microsoft Learn). */
  private static void forefront(String field, String value, List<Verdict> out) {
    Map<String, String> tags = tags(value, ';');
    String sfv = tags.getOrDefault("SFV", "");
    String cat = tags.getOrDefault("CAT", "");
    boolean spam = sfv.equals("SPM") || sfv.equals("BLK") || !cat.isEmpty() && !cat.equals("NONE");
    StringBuilder text = new StringBuilder();
    text.append("SFV ").append(sfv).append(": ").append(sfvMeaning(sfv));
    if (!cat.isEmpty()) {
      text.append("; CAT ").append(cat).append(": ").append(catMeaning(cat));
    }
    if (tags.containsKey("SCL")) {
      text.append("; SCL ")
          .append(tags.get("SCL"))
          .append(": ")
          .append(sclMeaning(tags.get("SCL")));
    }
    if (tags.containsKey("CIP")) {
      text.append("; connecting IP ").append(tags.get("CIP"));
    }
    out.add(new Verdict(field, "Microsoft 365", spam, text.toString()));
  }

  private static void bulk(String field, String value, List<Verdict> out) {
    String bcl = tags(value, ';').get("BCL");
    if (bcl != null) {
      int level = parse(bcl);
      out.add(
          new Verdict(
              field,
              "Microsoft 365",
              level >= 7,
              "BCL "
                  + bcl
                  + ": "
                  + (level <= 0
                      ? "not from a bulk sender"
                      : level <= 3
                          ? "bulk sender with few complaints"
                          : level <= 7
                              ? "bulk sender with a mixed number of complaints"
                              : "bulk sender with many complaints")));
    }
  }

  private static void scl(String field, String value, List<Verdict> out) {
    out.add(
        new Verdict(
            field,
            "Microsoft Exchange",
            parse(value) >= 5,
            "SCL " + value + ": " + sclMeaning(value)));
  }

  private static String sclMeaning(String scl) {
    int level = parse(scl);
    return level < 0
        ? "skipped filtering (trusted sender or rule)"
        : level <= 1
            ? "not spam"
            : level <= 4
                ? "unlikely spam"
                : level <= 6 ? "spam (junk folder)" : "high-confidence spam";
  }

  private static String sfvMeaning(String sfv) {
    return switch (sfv) {
      case "NSPM" -> "not spam";
      case "SPM" -> "spam";
      case "BLK" -> "blocked by the recipient's blocked-senders list";
      case "SFE" -> "allowed by the recipient's safe-senders list";
      case "SKA" -> "allowed by an allow list in the anti-spam policy";
      case "SKB" -> "blocked by a block list in the anti-spam policy";
      case "SKN" -> "marked not spam before filtering (e.g. a mail flow rule)";
      case "SKS" -> "marked spam before filtering (e.g. a mail flow rule)";
      case "SKI" -> "intra-organisation mail, not filtered";
      case "SKQ" -> "released from quarantine";
      default -> "unknown";
    };
  }

  private static String catMeaning(String cat) {
    return switch (cat) {
      case "BULK" -> "bulk mail";
      case "SPM", "HSPM" -> cat.equals("HSPM") ? "high-confidence spam" : "spam";
      case "PHSH", "HPHSH", "HPHISH" -> "phishing";
      case "SPOOF" -> "spoofing (sender authentication failed)";
      case "DIMP", "GIMP", "UIMP" -> "impersonation";
      case "MALW" -> "malware";
      case "OSPM" -> "outbound spam";
      case "AMP", "SAP" -> "anti-malware or safe-attachments policy";
      default -> "other category";
    };
  }

  private static Map<String, String> tags(String value, char separator) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String part : value.split(Pattern.quote(String.valueOf(separator)))) {
      int colon = part.indexOf(separator == ';' ? ':' : '=');
      if (colon > 0) {
        tags.putIfAbsent(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
      }
    }
    return tags;
  }

  private static int parse(String number) {
    try {
      return Integer.parseInt(number.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
