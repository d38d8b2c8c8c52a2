package dev.hikyaku.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.Role;
import dev.hikyaku.shared.Actor;
import dev.hikyaku.shared.AuditedAction;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import dev.hikyaku.test.Tamper;
import dev.hikyaku.test.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operation log is append-only for the application's database user, and `audit verify` finds
 * the first broken link when someone with more rights edits, deletes or reorders rows.
 */
@HikyakuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIntegrationTests {

  @Autowired ApplicationEventPublisher events;
  @Autowired AuditVerifier verifier;
  @Autowired AuditRepository repository;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JsonMapper json;

  /** The sequence numbers of this class's six entries (the context may be shared). */
  private final long[] seq = new long[7];

  @BeforeAll
  void someEntries() {
    for (int i = 1; i <= 6; i++) {
      events.publishEvent(
          AuditedAction.success(Actor.user("sato.k"), "192.0.2.1", "test.step", "item:" + i)
              .withChange("v" + (i - 1), "v" + i));
      seq[i] = repository.head().seq();
    }
  }

  @BeforeEach
  void intact() {
    assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
  }

  @Test
  void concurrentAppendsShouldKeepOneUnbrokenChain() throws Exception {
    long before = repository.head().seq();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(20)) {
      var start = new java.util.concurrent.CountDownLatch(1);
      var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int i = 0; i < 20; i++) {
        int n = i;
        done.add(
            pool.submit(() -> {
              start.await();
              events.publishEvent(
                  AuditedAction.success(Actor.system(), "", "test.parallel", "n:" + n));
              return null;
            }));
      }
      start.countDown();
      for (var f : done) {
        f.get();
      }
    }
    assertThat(repository.head().seq()).isEqualTo(before + 20);
    assertThat(repository.find(new AuditQuery(null, null, null, "test.parallel", null, null, 50)))
        .hasSize(20);
    assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
  }

  @Test
  void applicationUserShouldNotBeAbleToUpdateOrDeleteEntries() {
    assertThatThrownBy(() ->
            jdbc.sql("UPDATE audit_event SET actor = 'x' WHERE seq = :s")
                .param("s", seq[2])
                .update())
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.sql("DELETE FROM audit_event WHERE seq = :s").param("s", seq[2]).update())
        .rootCause()
        .hasMessageContaining("append-only");
    if (TestDatabase.postgresql()) {
      assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
          .rootCause()
          .hasMessageContaining("append-only");
      String user = jdbc.sql("SELECT current_user").query(String.class).single();
      assertThat(user).isEqualTo(TestDatabase.APP_ROLE);
    }
    assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
  }

  @Test
  void editedEntryShouldBeReportedAtItsSequenceNumber() {
    String original =
        jdbc.sql("SELECT after_summary FROM audit_event WHERE seq = 3")
            .query(String.class)
            .single();
    Tamper.run(dataSource, "UPDATE audit_event SET after_summary = 'harmless' WHERE seq = 3");
    try {
      assertThat(verifier.verify())
          .isEqualTo(new ChainVerification.Broken(3, "entry 3 was changed after it was written"));
    } finally {
      Tamper.run(
          dataSource, "UPDATE audit_event SET after_summary = '" + original + "' WHERE seq = 3");
    }
    assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
  }

  @Test
  void deletedEntryShouldBeReportedAsMissing() {
    var row =
        repository.find(new AuditQuery(null, null, null, null, null, seq[4] + 1, 1)).getFirst();
    assertThat(row.seq()).isEqualTo(seq[4]);
    Tamper.run(dataSource, "DELETE FROM audit_event WHERE seq = " + seq[4]);
    try {
      var result = verifier.verify();
      assertThat(result).isInstanceOf(ChainVerification.Broken.class);
      assertThat(((ChainVerification.Broken) result).seq()).isEqualTo(seq[4]);
      assertThat(((ChainVerification.Broken) result).reason()).contains("missing");
    } finally {
      Tamper.run(dataSource, insert(row));
    }
    assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
  }

  @Test
  void deletedLastEntryShouldBeCaughtByTheHead() {
    long last = repository.head().seq();
    var row = repository.find(new AuditQuery(null, null, null, null, null, last + 1, 1)).getFirst();
    Tamper.run(dataSource, "DELETE FROM audit_event WHERE seq = " + last);
    try {
      var result = verifier.verify();
      assertThat(result).isInstanceOf(ChainVerification.Broken.class);
      assertThat(((ChainVerification.Broken) result).reason()).contains("deleted");
    } finally {
      Tamper.run(dataSource, insert(row));
    }
  }

  @Test
  void swappedEntriesShouldBeReportedAtTheFirstOfThem() {
    List<AuditEntry> rows =
        repository.find(new AuditQuery(null, null, null, "test.step", null, seq[3] + 1, 2));
    AuditEntry two = rows.stream().filter(e -> e.seq() == seq[2]).findFirst().orElseThrow();
    AuditEntry three = rows.stream().filter(e -> e.seq() == seq[3]).findFirst().orElseThrow();
    // Give each row the other's contents (and hashes): the order of two entries is reversed.
    Tamper.run(dataSource, copy(three, two.seq()), copy(two, three.seq()));
    try {
      var result = verifier.verify();
      assertThat(result).isInstanceOf(ChainVerification.Broken.class);
      assertThat(((ChainVerification.Broken) result).seq()).isEqualTo(seq[2]);
    } finally {
      Tamper.run(dataSource, copy(two, two.seq()), copy(three, three.seq()));
    }
    assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
  }

  /** An UPDATE that writes {@code e}'s contents into the row numbered {@code seq}. */
  private static String copy(AuditEntry e, long seq) {
    return "UPDATE audit_event SET target = '%s', before_summary = '%s', after_summary = '%s',"
            .formatted(e.target(), e.before(), e.after())
        + " hash = '%s', prev_hash = '%s' WHERE seq = %d".formatted(e.hash(), e.prevHash(), seq);
  }

  @Test
  void auditorShouldExportCsvWithFormulasNeutralisedAndJsonThatParses() throws Exception {
    events.publishEvent(
        AuditedAction.success(
            Actor.user("sato.k"), "192.0.2.1", "test.formula", "=HYPERLINK(\"http://x\")"));
    var auditor = fixtures.user("audit.reader", Role.AUDITOR);
    String csv =
        mvc.perform(
                get("/audit/export.csv")
                    .param("action", "test.formula")
                    .session(fixtures.session(auditor)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").doesNotContain(",\"=HYPERLINK");
    String body =
        mvc.perform(
                get("/audit/export.json")
                    .param("action", "test.")
                    .session(fixtures.session(auditor)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    var parsed = json.readTree(body);
    assertThat(parsed.isArray()).isTrue();
    assertThat(parsed.size()).isGreaterThanOrEqualTo(7);
    assertThat(parsed.get(0).get("action").asString()).startsWith("test.");
  }

  @Test
  void auditorShouldFilterByActionAndOutcome() throws Exception {
    var auditor = fixtures.user("audit.filter", Role.AUDITOR);
    String page =
        mvc.perform(get("/audit").param("action", "test.step").session(fixtures.session(auditor)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("item:6").doesNotContain("test.formula");
  }

  private static String insert(AuditEntry e) {
    return "INSERT INTO audit_event (seq, occurred_at, actor, source_ip, action, target, outcome,"
        + " before_summary, after_summary, prev_hash, hash) VALUES ("
        + e.seq()
        + ", TIMESTAMP WITH TIME ZONE '"
        + e.occurredAt().toString().replace("T", " ").replace("Z", "+00:00")
        + "', '"
        + e.actor()
        + "', '"
        + e.sourceIp()
        + "', '"
        + e.action()
        + "', '"
        + e.target()
        + "', '"
        + e.outcome()
        + "', '"
        + e.before()
        + "', '"
        + e.after()
        + "', '"
        + e.prevHash()
        + "', '"
        + e.hash()
        + "')";
  }
}
