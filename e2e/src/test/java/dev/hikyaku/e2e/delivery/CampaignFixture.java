package dev.hikyaku.e2e.delivery;

import dev.hikyaku.HikyakuApplication;
import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.campaigns.Campaign;
import dev.hikyaku.campaigns.CampaignContent;
import dev.hikyaku.campaigns.CampaignService;
import dev.hikyaku.domains.SendingDomainService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prepares a started campaign in a database through the application's own services, in this JVM
 * with sending switched off, so separate server processes find a running send job when they start.
 * The sending domain is marked verified directly (no DNS here: this is about the queue).
 */
final class CampaignFixture {

  /** A fixed master key, so every node opens the DKIM keys the fixture sealed. */
  static final String MASTER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  private CampaignFixture() {}

  /** The settings every process (fixture and nodes) shares. */
  static Map<String, String> common(PostgresDatabase db, Path dataDir) {
    Map<String, String> s = new HashMap<>();
    s.put("spring.datasource.url", db.url());
    s.put("spring.datasource.username", db.user());
    s.put("spring.datasource.password", "");
    s.put("hikyaku.platform.master-key", MASTER_KEY);
    s.put("hikyaku.platform.data-dir", dataDir.toString());
    s.put("spring.main.banner-mode", "off");
    s.putAll(dev.hikyaku.e2e.ApprovedStart.SETTINGS);
    return s;
  }

  /**
   * Creates a verified domain, an audience of {@code recipients} and starts a campaign; the job id.
   */
  static long startedCampaign(Map<String, String> common, List<String> recipients) {
    return startedCampaign(common, recipients, 0, null);
  }

  /**
   * As above, the audience imported from a generated CSV of {@code generated} rows through the
   * product's own import (dry run, then confirm), for large audiences; {@code csv} is where the
   * file is written.
   */
  static long startedCampaign(Map<String, String> common, int generated, Path csv) {
    return startedCampaign(common, List.of(), generated, csv);
  }

  private static long startedCampaign(
      Map<String, String> common, List<String> recipients, int generated, Path csv) {
    Map<String, String> props = new HashMap<>(common);
    props.put("hikyaku.delivery.enabled", "false");
    // As command-line arguments: they override application.yml, as on a real node.
    String[] args =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    try (ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(HikyakuApplication.class)
            .web(WebApplicationType.NONE)
            .run(args)) {
      var domains = ctx.getBean(SendingDomainService.class);
      var audiences = ctx.getBean(AudienceService.class);
      var campaigns = ctx.getBean(CampaignService.class);
      var jdbc = ctx.getBean(JdbcClient.class);
      domains.add("news.e2e.example.jp");
      jdbc.sql("UPDATE sending_domain SET status = 'VERIFIED', verified_at = CURRENT_TIMESTAMP")
          .update();
      jdbc.sql("UPDATE dkim_key SET state = 'ACTIVE', activated_at = CURRENT_TIMESTAMP").update();
      Audience a = audiences.create("e2e", "");
      int i = 0;
      for (String r : recipients) {
        audiences.putContact(a.id(), r, "受信者 " + (++i), "", Map.of());
      }
      if (generated > 0) {
        importGenerated(ctx, a.id(), generated, csv);
      }
      Campaign c =
          campaigns.create(
              new CampaignContent(
                  "e2e",
                  "news.e2e.example.jp",
                  "news",
                  "飛脚",
                  "",
                  "{{name}} 様へのお知らせ",
                  "{{name}} 様\n本文です。\n",
                  "",
                  CampaignContent.Charset.UTF_8,
                  CampaignContent.Language.JA,
                  Optional.of(a.id()),
                  List.of()));
      return dev.hikyaku.e2e.ApprovedStart.start(ctx, c.id());
    }
  }

  private static void importGenerated(
      ConfigurableApplicationContext ctx, long audience, int n, Path csv) {
    try (var out = java.nio.file.Files.newBufferedWriter(csv)) {
      out.write("メールアドレス,氏名,会社名,会員番号\n");
      for (int i = 1; i <= n; i++) {
        out.write("user" + i + "@example.org,山田 太郎" + i + ",飛脚商事,M-" + i + "\n");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var imports = ctx.getBean(dev.hikyaku.audience.ImportService.class);
    try (var in = java.nio.file.Files.newInputStream(csv)) {
      var report = imports.dryRun(audience, csv.getFileName().toString(), in);
      if (report.importable() != n) {
        throw new IllegalStateException(
            "the generated CSV did not check clean: " + report.issues());
      }
      imports.confirm(report.id());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The job's state, read directly from the database. */
  static String jobState(PostgresDatabase db, long jobId) throws java.sql.SQLException {
    try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), "");
        var s = c.prepareStatement("SELECT state FROM send_job WHERE id = ?")) {
      s.setLong(1, jobId);
      try (var rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  /** How many attempts each node made. */
  static Map<String, Long> attemptsByNode(PostgresDatabase db) throws java.sql.SQLException {
    Map<String, Long> byNode = new HashMap<>();
    try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), "");
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT node, COUNT(*) FROM delivery_attempt GROUP BY node")) {
      while (rs.next()) {
        byNode.put(rs.getString(1), rs.getLong(2));
      }
    }
    return byNode;
  }
}
