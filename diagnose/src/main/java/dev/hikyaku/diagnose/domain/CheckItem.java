package dev.hikyaku.diagnose.domain;

import java.util.Objects;

/**
 * One finding of a domain check.
 *
 * @param code a stable identifier such as {@code spf.lookups} (for translation and machines)
 * @param status pass, info, warn or fail
 * @param detail what was found, in words
 * @param fix what to change, empty when nothing needs changing
 */
public record CheckItem(String code, CheckStatus status, String detail, String fix) {

  public CheckItem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fix, "fix");
  }

  static CheckItem pass(String code, String detail) {
    return new CheckItem(code, CheckStatus.PASS, detail, "");
  }

  static CheckItem info(String code, String detail) {
    return new CheckItem(code, CheckStatus.INFO, detail, "");
  }

  static CheckItem warn(String code, String detail, String fix) {
    return new CheckItem(code, CheckStatus.WARN, detail, fix);
  }

  static CheckItem fail(String code, String detail, String fix) {
    return new CheckItem(code, CheckStatus.FAIL, detail, fix);
  }
}
