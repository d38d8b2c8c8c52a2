package dev.hikyaku.audience.importing;

import dev.hikyaku.diagnose.Excerpt;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the address cell of a row as people fill it in: white space around it, a {@code mailto:}
 * link, a display name ({@code 山田 太郎 <taro@example.jp>}), full-width characters.
 *
 * <p>White space and {@code mailto:} are removed without a word: nothing is lost. A display name is
 * taken out with a warning (friendlier than a rejection, and the name can fill an empty name
 * column). Full-width characters follow the {@link FullWidthPolicy}.
 */
final class AddressCheck {

  private static final Pattern BRACKETED = Pattern.compile("(.*)<([^<>]*)>", Pattern.DOTALL);
  // Addresses are quoted in messages; a cell can be as long as a field may be.
  private static final int SHOWN_CHARS = 100;

  private final FullWidthPolicy policy;

  AddressCheck(FullWidthPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Checks one address cell. */
  AddressVerdict check(String cell) {
    String written = strip(cell);
    Parts asWritten = Parts.of(written);
    Parts parts = Parts.of(Normalizer.normalize(written, Normalizer.Form.NFKC));
    if (parts.address().isEmpty()) {
      return new AddressVerdict.Invalid(Rejection.of(RejectionReason.MISSING_ADDRESS));
    }
    String shown = Excerpt.of(asWritten.address(), SHOWN_CHARS);
    boolean wide = !asWritten.address().equals(parts.address());
    return switch (AddressDiagnosis.diagnose(parts.address(), shown)) {
      case AddressDiagnosis.Unusable u -> new AddressVerdict.Invalid(u.rejection());
      case AddressDiagnosis.Usable u
          when wide && policy == FullWidthPolicy.REJECT_WITH_SUGGESTION ->
          new AddressVerdict.Invalid(
              Rejection.of(RejectionReason.FULL_WIDTH_CHARACTERS, shown, u.address().value()));
      case AddressDiagnosis.Usable u -> valid(u.address(), written, parts, wide);
    };
  }

  private static AddressVerdict valid(
      ContactAddress address, String written, Parts parts, boolean wide) {
    List<RowWarning> warnings = new ArrayList<>();
    if (wide) {
      warnings.add(
          RowWarning.of(
              WarningCode.FULL_WIDTH_NORMALIZED,
              Excerpt.of(written, SHOWN_CHARS),
              address.value()));
    }
    if (address instanceof ContactAddress.CarrierLegacy) {
      warnings.add(RowWarning.of(WarningCode.CARRIER_LEGACY_ADDRESS, address.value()));
    }
    if (RoleAddresses.isRole(address.localPart())) {
      warnings.add(
          RowWarning.of(
              WarningCode.ROLE_ADDRESS,
              address.value(),
              address.localPart().toLowerCase(Locale.ROOT)));
    }
    String displayName = Excerpt.of(parts.displayName(), SHOWN_CHARS);
    if (!displayName.isEmpty()) {
      warnings.add(
          RowWarning.of(
              WarningCode.DISPLAY_NAME_REMOVED, Excerpt.of(written, SHOWN_CHARS), displayName));
    }
    return new AddressVerdict.Valid(address, displayName, warnings);
  }

  /** Strips white space, the ideographic space U+3000 and no-break spaces included. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && AddressDiagnosis.isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && AddressDiagnosis.isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** A cell split into the address and a display name. */
  private record Parts(String address, String displayName) {

    static Parts of(String cell) {
      Matcher m = BRACKETED.matcher(cell);
      String address = cell;
      String name = "";
      if (m.matches()) {
        address = strip(m.group(2));
        name = unquote(strip(m.group(1)));
      }
      if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
        address = strip(address.substring(7));
      }
      return new Parts(address, name);
    }

    // RFC 5322 §3.2.4 quoted-string: "山田 \"たろう\" 太郎" → 山田 "たろう" 太郎.
    private static String unquote(String name) {
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        return strip(name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1"));
      }
      return name;
    }
  }
}
