package dev.hikyaku.approval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credit card numbers: 13 to 19 digits, in one run or in groups of 4 (Amex 4-6-5), that pass the
 * Luhn check and start with an issuer prefix (IIN) of a brand used in Japan at a length that brand
 * issues.
 */
final class CardNumbers {

  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![0-9])(?<![0-9][ -])[0-9](?:[ -]?[0-9]){12,18}(?![ -]?[0-9])");

  private CardNumbers() {}

  /** The card numbers in {@code normalizedLine}, as digits only. */
  static List<String> find(String normalizedLine) {
    List<String> found = new ArrayList<>();
    Matcher m = CANDIDATE.matcher(normalizedLine);
    while (m.find()) {
      String text = m.group();
      String digits = text.replaceAll("[ -]", "");
      if (wellGrouped(text) && plausibleIssuer(digits) && Luhn.isValid(digits)) {
        found.add(digits);
      }
    }
    return found;
  }

  /**
   * Whether the number is one run or groups of 4 to 6 digits (the last 1 to 6), all with the same
   * separator: "4111 1111 1111 1111", "3782-822463-10005"; not a stray list of small numbers.
   */
  private static boolean wellGrouped(String text) {
    if (text.indexOf(' ') >= 0 && text.indexOf('-') >= 0) {
      return false;
    }
    String[] groups = text.split("[ -]");
    for (int i = 0; i < groups.length - 1; i++) {
      if (groups[i].length() < 4 || groups[i].length() > 6) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the prefix and length belong to a card brand. 13-digit Visa numbers are left out on
   * purpose: none have been issued for years, and 13-digit JAN codes (45..., 49...) in every price
   * list would pass the Luhn check one time in ten.
   */
  static boolean plausibleIssuer(String digits) {
    int length = digits.length();
    int two = Integer.parseInt(digits.substring(0, 2));
    int three = Integer.parseInt(digits.substring(0, 3));
    int four = Integer.parseInt(digits.substring(0, 4));
    if (digits.charAt(0) == '4') {
      return length == 16 || length == 19; // Visa
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return length == 16; // Mastercard
    }
    if (two == 34 || two == 37) {
      return length == 15; // American Express
    }
    if (four >= 3528 && four <= 3589) {
      return length >= 16 && length <= 19; // JCB
    }
    if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
      return length >= 14 && length <= 19; // Diners Club
    }
    if (four == 6011 || two == 65 || (three >= 644 && three <= 649) || two == 62) {
      return length >= 16 && length <= 19; // Discover, UnionPay
    }
    return false;
  }
}
