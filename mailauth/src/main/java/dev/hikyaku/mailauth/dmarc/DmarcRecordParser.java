package dev.hikyaku.mailauth.dmarc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses DMARC Policy Records (RFC 9989 §4.7, §4.8); total: every input gives a {@link
 * DmarcRecordParse}, never an exception.
 *
 * <p>Rules, with their sources: the record must start with {@code v=DMARC1}, the value compared
 * case-sensitively (§4.7, §4.8 {@code %s"DMARC1"}); tag names and the keyword values of p, sp, np,
 * adkim, aspf, t and psd are compared case-insensitively, as ABNF strings are; whitespace around
 * {@code ;} and {@code =} is allowed (§4.8 dmarc-sep, equals), and so, leniently, is whitespace
 * around the whole record and empty tags between semicolons. Unknown tags are ignored (§4.7), as
 * are RFC 7489's historic pct, rf and ri (§9.3). A syntax error in another tag is discarded in
 * favour of its default (§4.8). A known tag given twice makes the record invalid, following the
 * tag-list rules of RFC 6376 §3.2 that §4.7 adopts. An invalid p, sp or np is handled as §4.10.1
 * says: with a valid rua URI the record acts as {@code p=none}, otherwise it is unusable.
 */
final class DmarcRecordParser {

  private static final Set<String> KNOWN =
      Set.of("v", "p", "sp", "np", "adkim", "aspf", "rua", "ruf", "fo", "t", "psd");
  private static final Set<String> HISTORIC = Set.of("pct", "rf", "ri");
  private static final Pattern TAG_NAME = Pattern.compile("[a-z]+");
  // RFC 9989 §4.8 obs-dmarc-report-size: reporters ignore a "!10m" size suffix.
  private static final Pattern OBSOLETE_SIZE = Pattern.compile("![0-9]+[kmgtKMGT]?$");
  private static final int MAX_NOTES = 32;

  private DmarcRecordParser() {}

  static DmarcRecordParse parse(String text) {
    if (text == null) {
      return new DmarcRecordParse.Invalid("no text");
    }
    String[] tags = text.split(";", -1);
    Tag version = Tag.split(tags[0]);
    if (version == null || !version.name().equals("v")) {
      return new DmarcRecordParse.Invalid("does not start with a v tag (RFC 9989 §4.7)");
    }
    if (!version.value().equals("DMARC1")) {
      return new DmarcRecordParse.Invalid(
          "v is not exactly DMARC1 (RFC 9989 §4.7): " + abbreviate(version.value()));
    }
    Builder b = new Builder();
    Set<String> seen = new HashSet<>();
    seen.add("v");
    for (int i = 1; i < tags.length; i++) {
      if (wsp(tags[i]).isEmpty()) {
        continue;
      }
      Tag tag = Tag.split(tags[i]);
      if (tag == null || !TAG_NAME.matcher(tag.name()).matches()) {
        b.note("ignored malformed tag: " + abbreviate(wsp(tags[i])));
        continue;
      }
      if (KNOWN.contains(tag.name()) && !seen.add(tag.name())) {
        return new DmarcRecordParse.Invalid(
            "tag " + tag.name() + " appears more than once (RFC 6376 §3.2)");
      }
      b.apply(tag);
    }
    return new DmarcRecordParse.Valid(b.build());
  }

  /** One tag=value pair, name lower-cased and both sides stripped of WSP. */
  private record Tag(String name, String value) {
    static Tag split(String text) {
      int eq = text.indexOf('=');
      if (eq < 0) {
        return null;
      }
      return new Tag(
          wsp(text.substring(0, eq)).toLowerCase(Locale.ROOT), wsp(text.substring(eq + 1)));
    }
  }

  private static final class Builder {
    private Optional<DmarcPolicy> policy = Optional.empty();
    private Optional<DmarcPolicy> subdomainPolicy = Optional.empty();
    private Optional<DmarcPolicy> nonExistentPolicy = Optional.empty();
    private boolean invalidPolicyTag;
    private Alignment dkim = Alignment.RELAXED;
    private Alignment spf = Alignment.RELAXED;
    private final List<URI> rua = new ArrayList<>();
    private final List<URI> ruf = new ArrayList<>();
    private List<String> fo = List.of("0");
    private boolean testing;
    private PsdFlag psd = PsdFlag.UNSPECIFIED;
    private final List<String> notes = new ArrayList<>();

    void apply(Tag tag) {
      String v = tag.value();
      switch (tag.name()) {
        case "p" -> policy = policy(tag);
        case "sp" -> subdomainPolicy = policy(tag);
        case "np" -> nonExistentPolicy = policy(tag);
        case "adkim" -> dkim = orDefault(tag, Alignment.fromTagValue(v), Alignment.RELAXED);
        case "aspf" -> spf = orDefault(tag, Alignment.fromTagValue(v), Alignment.RELAXED);
        case "t" -> testing = orDefault(tag, yesOrNo(v), false);
        case "psd" -> psd = orDefault(tag, PsdFlag.fromTagValue(v), PsdFlag.UNSPECIFIED);
        case "rua" -> uris(tag, rua);
        case "ruf" -> uris(tag, ruf);
        case "fo" -> fo = orDefault(tag, failureOptions(v), List.of("0"));
        default ->
            note(
                (HISTORIC.contains(tag.name())
                        ? "ignored tag removed by RFC 9989 (§9.3 historic): "
                        : "ignored unknown tag (§4.7): ")
                    + tag.name());
      }
    }

    DmarcRecord build() {
      DmarcPolicy p = policy.orElse(DmarcPolicy.NONE);
      boolean usable = true;
      if (policy.isEmpty() && !invalidPolicyTag) {
        note("no p tag: treated as p=none (§4.7)");
      }
      if (invalidPolicyTag) {
        // RFC 9989 §4.10.1: with a valid rua URI act as if p=none; otherwise no DMARC processing.
        p = DmarcPolicy.NONE;
        subdomainPolicy = Optional.empty();
        nonExistentPolicy = Optional.empty();
        usable = !rua.isEmpty();
        note(
            usable
                ? "invalid p, sp or np: acting as p=none because rua is valid (§4.10.1)"
                : "invalid p, sp or np and no valid rua: no DMARC processing (§4.10.1)");
      }
      return new DmarcRecord(
          p,
          subdomainPolicy,
          nonExistentPolicy,
          dkim,
          spf,
          rua,
          ruf,
          fo,
          testing,
          psd,
          usable,
          notes);
    }

    private Optional<DmarcPolicy> policy(Tag tag) {
      Optional<DmarcPolicy> parsed = DmarcPolicy.fromTagValue(tag.value());
      if (parsed.isEmpty()) {
        invalidPolicyTag = true;
        note("invalid " + tag.name() + " value: " + abbreviate(tag.value()));
      }
      return parsed;
    }

    private <T> T orDefault(Tag tag, Optional<T> parsed, T fallback) {
      if (parsed.isEmpty()) {
        note("invalid " + tag.name() + " value, default used (§4.8): " + abbreviate(tag.value()));
      }
      return parsed.orElse(fallback);
    }

    private void uris(Tag tag, List<URI> into) {
      for (String part : tag.value().split(",", -1)) {
        String uri = OBSOLETE_SIZE.matcher(wsp(part)).replaceFirst("");
        try {
          URI parsed = new URI(uri);
          if (parsed.isAbsolute()) {
            into.add(parsed);
            continue;
          }
        } catch (URISyntaxException e) {
          // falls through to the note: RFC 9989 §4.8 discards syntax errors
        }
        note("ignored invalid " + tag.name() + " URI: " + abbreviate(uri));
      }
    }

    void note(String note) {
      if (notes.size() < MAX_NOTES) {
        notes.add(note);
      }
    }
  }

  private static Optional<Boolean> yesOrNo(String value) {
    return switch (value) {
      case "y", "Y" -> Optional.of(true);
      case "n", "N" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** RFC 9989 §4.8 dmarc-fo: 0 and 1 exclusive, d and s at most once each, joined by colons. */
  private static Optional<List<String>> failureOptions(String value) {
    List<String> options = new ArrayList<>();
    for (String part : value.split(":", -1)) {
      String option = wsp(part).toLowerCase(Locale.ROOT);
      if (!Set.of("0", "1", "d", "s").contains(option) || options.contains(option)) {
        return Optional.empty();
      }
      options.add(option);
    }
    if (options.contains("0") && options.contains("1")) {
      return Optional.empty();
    }
    return Optional.of(options);
  }

  /** Strips spaces and tabs (WSP), not other white space. */
  private static String wsp(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isWsp(text.charAt(start))) {
      start++;
    }
    while (end > start && isWsp(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
