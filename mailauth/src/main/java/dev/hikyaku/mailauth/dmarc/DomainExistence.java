package dev.hikyaku.mailauth.dmarc;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import java.util.List;
import java.util.function.Function;

/**
 * Decides whether an Author Domain exists, for the np tag (RFC 9989 §3.2.13, Appendix A.4).
 *
 * <p>RFC 9989 counts a name as non-existent only on NXDOMAIN (RFC 8020): any record of any type,
 * and so a NODATA answer, means the name exists. It deliberately drops RFC 9091's broader test (no
 * A, AAAA or MX record). This class asks for A, AAAA and MX in turn and stops at the first answer
 * showing the name exists; it calls the name non-existent only when all three say NXDOMAIN, so that
 * one server wrongly answering NXDOMAIN for one type cannot trigger a stricter np.
 */
final class DomainExistence {

  /** The three possible answers. */
  enum Answer {
    EXISTS,
    DOES_NOT_EXIST,
    UNKNOWN
  }

  private DomainExistence() {}

  static Answer check(DnsResolver resolver, DnsDomain domain) {
    List<Function<String, DnsResult<?>>> queries =
        List.of(resolver::a, resolver::aaaa, resolver::mx);
    boolean temporaryFailure = false;
    for (Function<String, DnsResult<?>> query : queries) {
      DnsResult<?> answer;
      try {
        answer = query.apply(domain.name());
      } catch (RuntimeException e) {
        // A resolver that throws broke its contract; like a server failure, that says nothing
        // about the name, so existence stays unknown and the verdict temperror.
        temporaryFailure = true;
        continue;
      }
      switch (answer) {
        case DnsResult.Found<?> found -> {
          return Answer.EXISTS;
        }
        case DnsResult.NoData<?> noData -> {
          return Answer.EXISTS;
        }
        case DnsResult.NoSuchDomain<?> nxdomain -> {}
        case DnsResult.ServerFailure<?> failure -> temporaryFailure = true;
        case DnsResult.Timeout<?> timeout -> temporaryFailure = true;
      }
    }
    return temporaryFailure ? Answer.UNKNOWN : Answer.DOES_NOT_EXIST;
  }
}
