package dev.hikyaku.mailauth.spf;

import java.net.InetAddress;
import java.util.Optional;

/** The mechanisms of RFC 7208 §5, as parsed from a record. */
sealed interface Mechanism {

  /** Whether evaluating it costs a DNS lookup toward the limit of 10 (RFC 7208 §4.6.4). */
  default boolean countsTowardLimit() {
    return !(this instanceof All || this instanceof Ip4 || this instanceof Ip6);
  }

  /** {@code all}: always matches. */
  record All() implements Mechanism {}

  /** {@code include:<domain-spec>}: matches when the included policy passes. */
  record Include(MacroString domain) implements Mechanism {}

  /** {@code a[:<domain-spec>][/ip4-cidr][//ip6-cidr]}. */
  record A(Optional<MacroString> domain, int ip4Prefix, int ip6Prefix) implements Mechanism {}

  /** {@code mx[:<domain-spec>][/ip4-cidr][//ip6-cidr]}. */
  record Mx(Optional<MacroString> domain, int ip4Prefix, int ip6Prefix) implements Mechanism {}

  /** {@code ptr[:<domain-spec>]} (RFC 7208 §5.5 says not to use it; we still evaluate it). */
  record Ptr(Optional<MacroString> domain) implements Mechanism {}

  /** {@code ip4:<network>[/prefix]}. */
  record Ip4(InetAddress network, int prefix) implements Mechanism {}

  /** {@code ip6:<network>[/prefix]}. */
  record Ip6(InetAddress network, int prefix) implements Mechanism {}

  /** {@code exists:<domain-spec>}: matches when the name has an A record. */
  record Exists(MacroString domain) implements Mechanism {}
}
