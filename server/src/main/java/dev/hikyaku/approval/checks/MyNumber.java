package dev.hikyaku.approval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese individual numbers (個人番号, "My Number"): 12 digits, the last a check digit, written as
 * one run or grouped 4-4-4 by spaces or hyphens.
 */
final class MyNumber {

  // Not part of a longer digit run: a 12-digit window inside a 13-digit JAN code or a 16-digit
  // card number is neither; the same separator between the groups.
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![0-9])(?<![0-9][ -])([0-9]{4})([ -]?)([0-9]{4})\\2([0-9]{4})(?![ -]?[0-9])");

  private MyNumber() {}

  /** A My Number found in text: its 12 digits and whether it was written in groups. */
  record Match(String digits, boolean grouped) {}

  /** The valid My Numbers in {@code normalizedLine}; numbers with a wrong check digit are not. */
  static List<Match> find(String normalizedLine) {
    List<Match> found = new ArrayList<>();
    Matcher m = CANDIDATE.matcher(normalizedLine);
    while (m.find()) {
      String digits = m.group(1) + m.group(3) + m.group(4);
      if (isValid(digits)) {
        found.add(new Match(digits, !m.group(2).isEmpty()));
      }
    }
    return found;
  }

  /**
   * Whether {@code digits} (12 ASCII digits) is a My Number: its check digit matches, and it is not
   * all zeros (a placeholder that the formula happens to accept).
   */
  static boolean isValid(String digits) {
    if (digits.length() != 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    if (digits.equals("000000000000")) {
      return false;
    }
    return checkDigit(digits.substring(0, 11)) == digits.charAt(11) - '0';
  }

  /**
   * The check digit of the first 11 digits, by the formula of 総務省令第八十五号 §5 (under 施行令 §8): with
   * P(n) the n-th digit counted from the right of the 11 and Q(n) = n + 1 for n ≤ 6, n − 5 for 7 ≤
   * n ≤ 11, the check digit is 11 − (Σ P(n)·Q(n) mod 11), or 0 when that remainder is ≤ 1.
   */
  static int checkDigit(String elevenDigits) {
    int sum = 0;
    for (int n = 1; n <= 11; n++) {
      int p = elevenDigits.charAt(11 - n) - '0';
      int q = n <= 6 ? n + 1 : n - 5;
      sum += p * q;
    }
    int remainder = sum % 11;
    return remainder <= 1 ? 0 : 11 - remainder;
  }
}
