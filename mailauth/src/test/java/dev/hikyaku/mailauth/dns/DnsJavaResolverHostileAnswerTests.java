package dev.hikyaku.mailauth.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** Answers a real server would not give must not hang or mislead the resolver. */
class DnsJavaResolverHostileAnswerTests {

  private static Name name(String text) {
    return Name.fromConstantString(text);
  }

  private static Function<Message, Message> answering(int rcode, CNAMERecord... records) {
    return query -> {
      Message response = new Message(query.getHeader().getID());
      response.getHeader().setFlag(Flags.QR);
      response.getHeader().setRcode(rcode);
      response.addRecord(query.getQuestion(), Section.QUESTION);
      for (CNAMERecord record : records) {
        response.addRecord(record, Section.ANSWER);
      }
      return response;
    };
  }

  private static DnsJavaResolver resolver(ScriptedDnsServer server) {
    return DnsJavaResolver.builder()
        .server(server.address())
        .timeout(Duration.ofSeconds(1))
        .build();
  }

  @Test
  @Timeout(5)
  void cnameLoopInsideOneAnswerShouldBeAServerFailure() throws Exception {
    Function<Message, Message> loop =
        answering(
            Rcode.NOERROR,
            new CNAMERecord(name("a.loop.test."), DClass.IN, 60, name("b.loop.test.")),
            new CNAMERecord(name("b.loop.test."), DClass.IN, 60, name("a.loop.test.")));
    try (ScriptedDnsServer server = new ScriptedDnsServer(loop)) {
      DnsResult<InetAddress> result = resolver(server).a("a.loop.test");

      assertThat(result).isInstanceOf(DnsResult.ServerFailure.class);
      assertThat(((DnsResult.ServerFailure<InetAddress>) result).detail()).contains("CNAME");
    }
  }

  @Test
  void nxdomainAfterAnAliasShouldMeanTheAliasExistsWithoutData() throws Exception {
    Function<Message, Message> dangling =
        answering(
            Rcode.NXDOMAIN,
            new CNAMERecord(name("alias.test."), DClass.IN, 60, name("gone.test.")));
    try (ScriptedDnsServer server = new ScriptedDnsServer(dangling)) {
      assertThat(resolver(server).a("alias.test")).isInstanceOf(DnsResult.NoData.class);
    }
  }

  @Test
  void negativeAnswersWithoutSoaShouldNotBeCached() throws Exception {
    try (ScriptedDnsServer server = new ScriptedDnsServer(answering(Rcode.NXDOMAIN))) {
      DnsJavaResolver resolver = resolver(server);

      resolver.txt("missing.test");
      resolver.txt("missing.test");

      assertThat(server.queries()).isEqualTo(2);
    }
  }

  @Test
  void namesWithBackslashesShouldNotBeQueried() throws Exception {
    try (ScriptedDnsServer server = new ScriptedDnsServer(answering(Rcode.NOERROR))) {
      assertThat(resolver(server).txt("a\\046b.test")).isInstanceOf(DnsResult.NoSuchDomain.class);
      assertThat(server.queries()).isZero();
    }
  }
}
