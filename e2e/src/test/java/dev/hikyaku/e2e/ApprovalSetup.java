package dev.hikyaku.e2e;

import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.domains.SendingDomainService;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * What the browser's approval scenario starts from besides its people (whom the admin invites in
 * the browser): a sending domain and an audience, made through the application's services. The
 * campaign, the test send, the approval and the send happen in the browser.
 */
record ApprovalSetup(String domain, long audienceId) {

  static ApprovalSetup prepare(ApplicationContext ctx) {
    String domain = "news.browser.example.jp";
    ctx.getBean(SendingDomainService.class).add(domain);
    AudienceService audiences = ctx.getBean(AudienceService.class);
    Audience a = audiences.create("ブラウザ試験", "");
    audiences.putContact(a.id(), "yamada@example.jp", "山田 花子", "飛脚商事", Map.of());
    audiences.putContact(a.id(), "tanaka@example.co.jp", "田中 一郎", "飛脚物流", Map.of());
    return new ApprovalSetup(domain, a.id());
  }
}
