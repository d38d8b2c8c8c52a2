package dev.hikyaku.audience.importing;

import dev.hikyaku.shared.EmailAddress;
import dev.hikyaku.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a cleaned address into a {@link ContactAddress}, or says in one code why it is not one: the
 * most specific reason that applies, so the user knows what to fix.
 */
final class AddressDiagnosis {

  // The domain shape EmailAddress accepts: hostname labels and a top-level label of 2+ characters.
  private static final Pattern DOMAIN =
      Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}");
  // atext of RFC 5322 §3.2.3, and the dot of a dot-atom.
  private static final Pattern LOCAL_CHARACTER = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]");
  private static final String SEPARATORS = ",;、，；";

  private AddressDiagnosis() {}

  /**
   * What {@link #diagnose} found: an address (with a warning if it is a carrier one) or a
   * rejection.
   */
  sealed interface Result {}

  /** A usable address. */
  record Usable(ContactAddress address) implements Result {}

  /** Not an address. */
  record Unusable(Rejection rejection) implements Result {}

  /**
   * Diagnoses {@code address}; {@code shown} is how the user wrote it, for the message (it differs
   * when full-width characters were normalised).
   */
  static Result diagnose(String address, String shown) {
    long ats = address.chars().filter(c -> c == '@').count();
    if (ats == 0) {
      return reject(RejectionReason.MISSING_AT_SIGN, shown);
    }
    if (ats > 1) {
      boolean separated = address.chars().anyMatch(c -> SEPARATORS.indexOf(c) >= 0 || isSpace(c));
      return reject(
          separated ? RejectionReason.MULTIPLE_ADDRESSES : RejectionReason.MULTIPLE_AT_SIGNS,
          shown);
    }
    if (address.chars().anyMatch(AddressDiagnosis::isSpace)) {
      return reject(RejectionReason.CONTAINS_SPACE, shown);
    }
    int nonAscii = address.codePoints().filter(c -> c > 0x7F).findFirst().orElse(-1);
    if (nonAscii >= 0) {
      // SMTPUTF8 (RFC 6531) addresses are legal, but few Japanese receivers take them.
      return reject(RejectionReason.NON_ASCII_CHARACTERS, shown, Character.toString(nonAscii));
    }
    int at = address.indexOf('@');
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (address.endsWith(".")) {
      return reject(RejectionReason.TRAILING_DOT, shown, address.replaceAll("\\.+$", ""));
    }
    if (local.isEmpty() || domain.isEmpty()) {
      return reject(RejectionReason.INVALID_ADDRESS, shown);
    }
    // RFC 5321 §4.5.3.1.1 (local part) and §4.5.3.1.3 (path, less the angle brackets).
    if (local.length() > 64 || address.length() > 254) {
      return reject(RejectionReason.TOO_LONG, shown);
    }
    if (!DOMAIN.matcher(domain).matches()) {
      return reject(RejectionReason.INVALID_DOMAIN, shown, domain);
    }
    for (int i = 0; i < local.length(); i++) {
      String c = local.substring(i, i + 1);
      if (!LOCAL_CHARACTER.matcher(c).matches()) {
        return reject(RejectionReason.INVALID_CHARACTER, shown, c);
      }
    }
    if (local.startsWith(".")) {
      return reject(RejectionReason.LEADING_DOT, shown);
    }
    boolean consecutive = local.contains("..");
    if (consecutive || local.endsWith(".")) {
      if (ContactAddress.CarrierLegacy.DOMAINS.contains(domain.toLowerCase(Locale.ROOT))) {
        return new Usable(new ContactAddress.CarrierLegacy(address));
      }
      return reject(
          consecutive ? RejectionReason.CONSECUTIVE_DOTS : RejectionReason.DOT_BEFORE_AT_SIGN,
          shown);
    }
    try {
      return new Usable(new ContactAddress.Standard(new EmailAddress(address)));
    } catch (InvalidInputException e) {
      return reject(RejectionReason.INVALID_ADDRESS, shown);
    }
  }

  static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static Unusable reject(RejectionReason reason, String... args) {
    return new Unusable(Rejection.of(reason, args));
  }
}
