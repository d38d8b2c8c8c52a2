package dev.hikyaku.e2e;

import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.identity.users.UserService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * What the browser's approval scenario starts from, made through the application's services as an
 * admin would: the people (with one-time setup links), a sending domain and an audience. The
 * campaign, the test send, the approval and the send happen in the browser.
 */
record ApprovalSetup(String setupLinks, String domain, long audienceId) {

  static ApprovalSetup prepare(ApplicationContext ctx) {
    UserService users = ctx.getBean(UserService.class);
    String links =
        String.join(
            ",",
            "author=" + token(users, "takahashi.m", "高橋 誠", List.of("AUTHOR", "OPERATOR")),
            "author2=" + token(users, "ito.y", "伊藤 陽子", List.of("AUTHOR")),
            "approver=" + token(users, "watanabe.h", "渡辺 浩", List.of("APPROVER")));
    String domain = "news.browser.example.jp";
    ctx.getBean(SendingDomainService.class).add(domain);
    AudienceService audiences = ctx.getBean(AudienceService.class);
    Audience a = audiences.create("ブラウザ試験", "");
    audiences.putContact(a.id(), "yamada@example.jp", "山田 花子", "飛脚商事", Map.of());
    audiences.putContact(a.id(), "tanaka@example.co.jp", "田中 一郎", "飛脚物流", Map.of());
    return new ApprovalSetup(links, domain, a.id());
  }

  private static String token(UserService users, String username, String name, List<String> roles) {
    String url =
        users.create(new UserService.NewUser(username, name, username + "@example.jp", roles))
            .setupUrl();
    return URI.create(url).getQuery().replaceFirst("^.*token=", "").replaceFirst("&.*$", "");
  }
}
