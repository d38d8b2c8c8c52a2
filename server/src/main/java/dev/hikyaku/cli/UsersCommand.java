package dev.hikyaku.cli;

import dev.hikyaku.identity.users.UserService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hikyaku users list|reset-access}: account recovery from the server's shell. */
@Command(
    name = "users",
    description = "List accounts, or give a person a new setup link (lost password or phone).",
    subcommands = {
      UsersCommand.ListUsers.class,
      UsersCommand.Enable.class,
      UsersCommand.ResetAccess.class
    })
class UsersCommand {

  /** Runs {@code action} on the named account: exit 0, or 1 with a message if there is none. */
  static int withUser(
      UserService users,
      String username,
      java.util.function.Consumer<dev.hikyaku.identity.users.User> action) {
    var user = users.byUsername(username);
    if (user.isEmpty()) {
      System.err.println("no such user: " + username);
      return 1;
    }
    action.accept(user.get());
    return 0;
  }

  @Command(name = "list", description = "Show every account with its roles and state.")
  static class ListUsers implements Callable<Integer> {
    private final UserService users;

    ListUsers(UserService users) {
      this.users = users;
    }

    @Override
    public Integer call() {
      users
          .all()
          .forEach(u ->
              System.out.printf(
                  "%-5d %-24s %-10s mfa=%-5s %s%n",
                  u.id(),
                  u.username(),
                  u.enabled() ? "enabled" : "disabled",
                  u.mfaEnrolled(),
                  u.roles()));
      return 0;
    }
  }

  @Command(
      name = "enable",
      description = "Enable a disabled account (e.g. the last administrator).")
  static class Enable implements Callable<Integer> {
    @Parameters(paramLabel = "USERNAME")
    String username;

    private final UserService users;

    Enable(UserService users) {
      this.users = users;
    }

    @Override
    public Integer call() {
      return withUser(
          users,
          username,
          user -> {
            users.enable(user.id());
            System.out.println("Enabled " + username + ".");
          });
    }
  }

  @Command(
      name = "reset-access",
      description = "Clear a person's password and MFA and print a new one-time setup link.")
  static class ResetAccess implements Callable<Integer> {
    @Parameters(paramLabel = "USERNAME")
    String username;

    private final UserService users;

    ResetAccess(UserService users) {
      this.users = users;
    }

    @Override
    public Integer call() {
      return withUser(users, username, user -> System.out.println(users.resetAccess(user.id())));
    }
  }
}
