package dev.hikyaku.cli;

import picocli.CommandLine.Command;

/**
 * The top of the command tree; {@code ./hikyaku run} (serve) and {@code test} are the launcher's.
 */
@Command(
    name = "hikyaku",
    mixinStandardHelpOptions = true,
    version = "Hikyaku 0.1.0",
    description = "Hikyaku operations and diagnosis. './hikyaku run' starts the server.",
    subcommands = {
      AuditCommand.class,
      AuthCommand.class,
      IpRulesCommand.class,
      UsersCommand.class,
      SetupLinkCommand.class,
      DkimCommand.class,
      DomainCommand.class,
      HeadersCommand.class,
      LogsCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
class HikyakuCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
