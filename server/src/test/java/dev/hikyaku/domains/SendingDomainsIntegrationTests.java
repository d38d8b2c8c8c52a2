package dev.hikyaku.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditRepository;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dkim.DkimVerifier;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import dev.hikyaku.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@HikyakuTest
class SendingDomainsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired SendingDomainService domains;
  @Autowired InMemoryZone zone;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired AuditRepository audit;

  private static final String MESSAGE =
      "From: News <news@%s>\r\nTo: taro@example.net\r\nSubject: hello\r\n"
          + "Date: Mon, 23 Nov 2026 10:00:00 +0900\r\nMessage-ID: <1@%s>\r\n\r\nbody\r\n";

  @Test
  void operatorShouldAddADomainAndSeeBothDkimRecordsSpfDmarcAndMx() throws Exception {
    User op = fixtures.user("dom.op1", Role.OPERATOR);
    var result =
        mvc.perform(
                post("/domains")
                    .param("name", "News.Example-One.co.jp")
                    .with(csrf())
                    .session(fixtures.session(op)))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String page =
        mvc.perform(get(result.getResponse().getRedirectedUrl()).session(fixtures.session(op)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("news.example-one.co.jp")
        .contains("._domainkey.news.example-one.co.jp")
        .contains("v=DKIM1; k=rsa; p=")
        .contains("v=DKIM1; k=ed25519; p=")
        .contains("bounces.news.example-one.co.jp")
        .contains("v=DMARC1; p=none; rua=mailto:dmarc-reports@news.example-one.co.jp")
        .contains("_mta-sts.news.example-one.co.jp");
    SendingDomain added = domains.findByName("news.example-one.co.jp").orElseThrow();
    assertThat(added.verified()).isFalse();
    assertThat(domains.details(added.id()).keys())
        .extracting(DkimKey::algorithm, DkimKey::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                DkimKey.Algorithm.RSA_SHA256, DkimKey.State.PENDING),
            org.assertj.core.groups.Tuple.tuple(
                DkimKey.Algorithm.ED25519_SHA256, DkimKey.State.PENDING));
    assertThat(domains.details(added.id()).keys())
        .filteredOn(k -> k.algorithm() == DkimKey.Algorithm.RSA_SHA256)
        .extracting(DkimKey::keyBits)
        .containsExactly(2048);
    assertThat(audit.find(new AuditQuery(null, null, "user:dom.op1", "domain.add", null, null, 5)))
        .hasSize(1);
  }

  @Test
  void privateKeysShouldBeSealedAtRestAndOnlyOpenWithTheirOwnRow() {
    DomainDetails d = domains.add("sealed.example.jp");
    List<String> sealed =
        jdbc.sql("SELECT private_key FROM dkim_key WHERE domain_id = :d")
            .param("d", d.domain().id())
            .query(String.class)
            .list();
    assertThat(sealed).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1:"));
    assertThat(String.join("", sealed)).doesNotContain("PRIVATE KEY").doesNotContain("MII");
    // A sealed key copied to the other key's row does not open there (bound to the selector).
    jdbc.sql(
            "UPDATE dkim_key SET private_key = :k WHERE domain_id = :d AND algorithm = 'RSA_SHA256'")
        .param("k", sealed.get(0).equals(sealed.get(1)) ? "x" : otherThan(d, "RSA_SHA256"))
        .param("d", d.domain().id())
        .update();
    publish(d);
    domains.verify(d.domain().id());
    assertThatThrownBy(() -> domains.signers("sealed.example.jp"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void verifyShouldSayMissingThenFoundAndOnlyAVerifiedDomainSigns() throws Exception {
    DomainDetails d = domains.add("verify.example.jp");
    Verification first = domains.verify(d.domain().id());
    assertThat(first.domain().verified()).isFalse();
    assertThat(first.checks())
        .filteredOn(c -> c.expected().required())
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(RecordCheck.Status.MISSING));
    assertThatThrownBy(() -> domains.signers("verify.example.jp"))
        .isInstanceOf(DomainNotVerifiedException.class);
    assertThat(domains.isVerified("verify.example.jp")).isFalse();

    publish(d);
    Verification second = domains.verify(d.domain().id());
    assertThat(second.domain().verified()).isTrue();
    assertThat(second.activatedSelectors()).hasSize(2);
    assertThat(second.checks())
        .filteredOn(c -> c.expected().required())
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(RecordCheck.Status.FOUND));
    // DMARC p=none: the next step is suggested.
    assertThat(second.checks())
        .filteredOn(c -> c.expected().kind() == ExpectedRecord.Kind.DMARC)
        .singleElement()
        .satisfies(c ->
            assertThat(c.suggestion())
                .hasValueSatisfying(v -> assertThat(v).contains("p=quarantine; t=y")));

    // Both active keys sign, and both signatures verify against the published records.
    List<DkimSigner> signers = domains.signers("verify.example.jp");
    assertThat(signers).hasSize(2);
    byte[] message = signed(signers, "verify.example.jp");
    List<DkimVerification> results = new DkimVerifier(zone, clock).verify(message);
    assertThat(results)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.result()).isEqualTo(DkimResult.PASS));
    assertThat(results)
        .extracting(DkimVerification::algorithm)
        .containsExactlyInAnyOrder("rsa-sha256", "ed25519-sha256");
  }

  @Test
  void aDifferentDkimKeyOrAnSpfRecordWithoutUsShouldBeDifferentWithTheFix() {
    DomainDetails d = domains.add("diff.example.jp");
    for (DkimKey key : d.keys()) {
      zone.txt(key.recordName("diff.example.jp"), "v=DKIM1; k=rsa; p=" + otherRsaKey());
    }
    zone.txt("bounces.diff.example.jp", "v=spf1 ip4:198.51.100.0/24 ~all");
    Verification v = domains.verify(d.domain().id());
    assertThat(v.checks())
        .filteredOn(c -> c.expected().kind() == ExpectedRecord.Kind.DKIM)
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(RecordCheck.Status.DIFFERENT));
    RecordCheck spf =
        v.checks().stream()
            .filter(c -> c.expected().kind() == ExpectedRecord.Kind.SPF)
            .findFirst()
            .orElseThrow();
    assertThat(spf.status()).isEqualTo(RecordCheck.Status.DIFFERENT);
    assertThat(spf.reason()).isEqualTo("spf.not-authorised");
    // The suggestion keeps what the domain authorises today and adds this installation.
    assertThat(spf.suggestion()).hasValue("v=spf1 ip4:198.51.100.0/24 ip4:192.0.2.10 ~all");
    assertThat(v.domain().verified()).isFalse();
  }

  @Test
  void rotationShouldWaitForTheNewRecordsThenRetireTheOldKeysAfterTheGracePeriod() {
    DomainDetails d = domains.add("rotate.example.jp");
    publish(d);
    domains.verify(d.domain().id());
    List<String> oldSelectors = selectors(d.domain().id(), DkimKey.State.ACTIVE);

    clock.advance(Duration.ofDays(40));
    DomainDetails rotated = domains.rotate(d.domain().id());
    List<String> newSelectors = selectors(d.domain().id(), DkimKey.State.PENDING);
    assertThat(newSelectors).hasSize(2).doesNotContainAnyElementsOf(oldSelectors);

    // Not yet published: the old keys keep signing and the domain stays verified.
    Verification waiting = domains.verify(d.domain().id());
    assertThat(waiting.domain().verified()).isTrue();
    assertThat(waiting.activatedSelectors()).isEmpty();
    assertThat(selectors(d.domain().id(), DkimKey.State.ACTIVE)).isEqualTo(oldSelectors);

    // Only the new keys' records are added: the rest is published already.
    rotated.keys().stream()
        .filter(k -> k.state() == DkimKey.State.PENDING)
        .forEach(k -> zone.txt(k.recordName("rotate.example.jp"), k.publicKeyRecord()));
    Verification done = domains.verify(d.domain().id());
    assertThat(done.activatedSelectors()).containsExactlyInAnyOrderElementsOf(newSelectors);
    assertThat(selectors(d.domain().id(), DkimKey.State.RETIRING))
        .containsExactlyInAnyOrderElementsOf(oldSelectors);
    assertThat(domains.signers("rotate.example.jp"))
        .extracting(s -> signedSelector(s))
        .containsExactlyInAnyOrderElementsOf(newSelectors);

    clock.advance(Duration.ofDays(6));
    domains.retireDueKeys();
    assertThat(selectors(d.domain().id(), DkimKey.State.RETIRED)).isEmpty();
    clock.advance(Duration.ofDays(2));
    domains.retireDueKeys();
    assertThat(selectors(d.domain().id(), DkimKey.State.RETIRED))
        .containsExactlyInAnyOrderElementsOf(oldSelectors);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dkim_key WHERE domain_id = :d AND state = 'RETIRED'"
                        + " AND private_key IS NULL")
                .param("d", d.domain().id())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(audit.find(new AuditQuery(null, null, null, "dkim-key.retire", null, null, 10)))
        .anySatisfy(e -> assertThat(e.target()).isEqualTo("domain:rotate.example.jp"));
  }

  @Test
  void theApiShouldAddVerifyAndRefuseAuthorsChanges() throws Exception {
    String operator = fixtures.token(fixtures.user("dom.api.op", Role.OPERATOR));
    String author = fixtures.token(fixtures.user("dom.api.author", Role.AUTHOR));
    mvc.perform(
            post("/api/v1/domains")
                .header("Authorization", "Bearer " + author)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"api.example.jp\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/domains")
                .header("Authorization", "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"api.example.jp\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.domain.name").value("api.example.jp"))
        .andExpect(jsonPath("$.records[?(@.kind=='DKIM')]").isNotEmpty());
    mvc.perform(
            post("/api/v1/domains")
                .header("Authorization", "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"not a domain\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("domain"));
    long id = domains.findByName("api.example.jp").orElseThrow().id();
    mvc.perform(
            post("/api/v1/domains/" + id + "/verify").header("Authorization", "Bearer " + operator))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.domain.status").value("UNVERIFIED"))
        .andExpect(jsonPath("$.checks[0].status").value("MISSING"));
    mvc.perform(get("/api/v1/domains/424242").header("Authorization", "Bearer " + author))
        .andExpect(status().isNotFound());
  }

  @Test
  void theZoneFileShouldHoldEveryRecordWithLongValuesSplit() throws Exception {
    User op = fixtures.user("dom.zone", Role.OPERATOR);
    DomainDetails d = domains.add("zone.example.jp");
    String zoneFile =
        mvc.perform(get("/domains/" + d.domain().id() + "/zone.txt").session(fixtures.session(op)))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(zoneFile.lines().filter(l -> l.contains("._domainkey.zone.example.jp. IN TXT")))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l.split("\" \"").length).isGreaterThanOrEqualTo(1));
    // The RSA-2048 record is longer than 255 characters: it is cut into several strings.
    assertThat(zoneFile).containsPattern("k=rsa; p=[^\"]+\" \"");
    assertThat(zoneFile).contains("bounces.zone.example.jp. IN MX 10 mx.hikyaku.test.");
  }

  @Test
  void theJapaneseConsoleShouldExplainTheRecords() throws Exception {
    User op = fixtures.user("dom.ja", Role.OPERATOR);
    DomainDetails d = domains.add("ja.example.jp");
    String page =
        mvc.perform(
                post("/domains/" + d.domain().id() + "/verify")
                    .with(csrf())
                    .locale(Locale.JAPANESE)
                    .header("Accept-Language", "ja")
                    .session(fixtures.session(op)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("未公開").contains("この TXT レコードを追加してください");
  }

  /** Publishes every required record of the plan in the test zone. */
  private void publish(DomainDetails d) {
    for (ExpectedRecord r : d.records()) {
      switch (r.kind()) {
        case DKIM, DMARC -> zone.txt(r.name(), r.value());
        case SPF -> zone.txt(r.name(), "v=spf1 ip4:192.0.2.10 -all");
        case RETURN_PATH_MX -> zone.mx(r.name(), 10, "mx.hikyaku.test");
        default -> {}
      }
    }
  }

  private List<String> selectors(long domainId, DkimKey.State state) {
    return domains.details(domainId).keys().stream()
        .filter(k -> k.state() == state)
        .map(DkimKey::selector)
        .sorted()
        .toList();
  }

  private String otherThan(DomainDetails d, String algorithm) {
    return jdbc.sql("SELECT private_key FROM dkim_key WHERE domain_id = :d AND algorithm <> :a")
        .param("d", d.domain().id())
        .param("a", algorithm)
        .query(String.class)
        .single();
  }

  private static String otherRsaKey() {
    return java.util.Base64.getEncoder()
        .encodeToString(
            dev.hikyaku.mailauth.dkim.DkimKeys.generateRsa(1024).getPublic().getEncoded());
  }

  private static byte[] signed(List<DkimSigner> signers, String domain) {
    byte[] message = MESSAGE.formatted(domain, domain).getBytes(StandardCharsets.UTF_8);
    StringBuilder fields = new StringBuilder();
    for (DkimSigner s : signers) {
      fields.append(s.sign(message));
    }
    byte[] head = fields.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + message.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(message, 0, out, head.length, message.length);
    return out;
  }

  private static String signedSelector(DkimSigner signer) {
    String field = signer.sign(MESSAGE.formatted("x", "x").getBytes(StandardCharsets.UTF_8));
    var m = java.util.regex.Pattern.compile("s=([a-z0-9]+);").matcher(field.replaceAll("\\s", ""));
    return m.find() ? m.group(1) : "";
  }
}
