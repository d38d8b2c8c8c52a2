package dev.hikyaku.identity.users;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a start with no accounts yet, prints a one-time link that creates the first administrator.
 * There is no default password: whoever can read the server's console sets the first one.
 */
@Component
class BootstrapLink {

  private final UserRepository users;
  private final SetupLinks links;

  BootstrapLink(UserRepository users, SetupLinks links) {
    this.users = users;
    this.links = links;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext) || users.any()) {
      return;
    }
    String url = links.url(links.issueBootstrap());
    // Printed to the console on purpose, not logged: it is a secret for the person at the console.
    System.out.printf(
        "%n=====================================================================%n"
            + " Hikyaku first-time setup / 初期設定%n"
            + " Open this link to create the first administrator:%n"
            + " 次のリンクを開いて最初の管理者を作成してください:%n%n   %s%n%n"
            + " It works once and expires in 24 hours; restart Hikyaku for a new one.%n"
            + "=====================================================================%n%n",
        url);
    System.out.flush();
  }
}
