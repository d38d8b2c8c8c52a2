package dev.hikyaku.cli;

import dev.hikyaku.identity.users.SetupLinks;
import dev.hikyaku.identity.users.UserRepository;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code hikyaku setup-link}: a new first-administrator link while no account exists. */
@Command(
    name = "setup-link",
    description = "Print a new first-time setup link (only before the first account exists).")
class SetupLinkCommand implements Callable<Integer> {

  private final UserRepository users;
  private final SetupLinks links;

  SetupLinkCommand(UserRepository users, SetupLinks links) {
    this.users = users;
    this.links = links;
  }

  @Override
  public Integer call() {
    if (users.any()) {
      System.err.println("Accounts exist already; use 'users reset-access USERNAME' instead.");
      return 1;
    }
    System.out.println(links.url(links.issueBootstrap()));
    return 0;
  }
}
