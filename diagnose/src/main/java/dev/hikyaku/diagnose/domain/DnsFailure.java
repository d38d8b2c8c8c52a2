package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dns.DnsResult;

/** How a failed DNS lookup is named in a check item. */
final class DnsFailure {
  private DnsFailure() {}

  /** "timeout", the server's answer code, or "no answer". */
  static String describe(DnsResult<?> result) {
    return switch (result) {
      case DnsResult.Timeout<?> t -> "timeout";
      case DnsResult.ServerFailure<?> f -> f.detail();
      default -> "no answer";
    };
  }
}
