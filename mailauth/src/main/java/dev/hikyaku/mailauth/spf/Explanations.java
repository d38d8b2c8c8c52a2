package dev.hikyaku.mailauth.spf;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The explanation of a {@code fail} (RFC 7208 §6.2). */
final class Explanations {
  private Explanations() {}

  /** The explanation from {@code exp=}; any problem with it means no explanation. */
  static Optional<String> explain(
      DnsResolver dns, Optional<MacroString> exp, MacroContext context) {
    if (exp.isEmpty()) {
      return Optional.empty();
    }
    String target = Evaluation.expandDomain(exp.get(), context);
    if (!SpfChecker.isEvaluableDomain(target)) {
      return Optional.empty();
    }
    List<String> texts = dns.txt(target).records();
    if (texts.size() != 1) {
      return Optional.empty();
    }
    String text = texts.get(0);
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      return Optional.empty(); // RFC 7208 §6.2: explanations are US-ASCII
    }
    try {
      return Optional.of(MacroString.parse(text, true).expand(context));
    } catch (SpfSyntaxException e) {
      return Optional.empty();
    }
  }

  /** {@link SpfChecker#DEFAULT_EXPLANATION} expanded. */
  static String defaultExplanation(MacroContext context) {
    try {
      return MacroString.parse(SpfChecker.DEFAULT_EXPLANATION, true).expand(context);
    } catch (SpfSyntaxException e) {
      throw new IllegalStateException("default explanation is invalid", e);
    }
  }
}
