package dev.hikyaku.cli;

import java.util.Set;
import picocli.CommandLine.Command;

/**
 * The commands that work on files and DNS alone: they start no application context and open no
 * database, so they run anywhere in well under a second.
 */
@Command(
    name = "hikyaku",
    subcommands = {
      AuthCommand.class,
      DkimCommand.class,
      DomainCommand.class,
      HeadersCommand.class,
      LogsCommand.class
    })
final class StandaloneCommands {

  private StandaloneCommands() {}

  /** The names of the standalone top-level commands. */
  static Set<String> names() {
    return commandLine().getSubcommands().keySet();
  }

  static int execute(String[] args) {
    return commandLine().execute(args);
  }

  private static picocli.CommandLine commandLine() {
    return new picocli.CommandLine(new StandaloneCommands());
  }
}
