package dev.hikyaku.cli;

import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.network.IpRuleService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hikyaku ip-rules list|clear}: the recovery path when an admin has shut themselves out. Run
 * on the server, it needs no login; the change is logged with the OS user as actor.
 */
@Command(
    name = "ip-rules",
    description = "List or clear IP rules (recovery when locked out).",
    subcommands = {IpRulesCommand.ListRules.class, IpRulesCommand.Clear.class})
class IpRulesCommand {

  @Command(name = "list", description = "Show every rule.")
  static class ListRules implements Callable<Integer> {
    private final IpRuleService rules;

    ListRules(IpRuleService rules) {
      this.rules = rules;
    }

    @Override
    public Integer call() {
      var all = rules.all();
      if (all.isEmpty()) {
        System.out.println("No IP rules: every address is allowed in every scope.");
      }
      all.forEach(r ->
          System.out.printf("%-6s %-5d %-40s %s%n", r.scope().key(), r.id(), r.cidr(), r.label()));
      return 0;
    }
  }

  @Command(
      name = "clear",
      description = "Remove every rule of a scope, so every address is allowed.")
  static class Clear implements Callable<Integer> {
    @Option(names = "--scope", required = true, description = "login, send, api or all")
    String scope;

    private final IpRuleService rules;

    Clear(IpRuleService rules) {
      this.rules = rules;
    }

    @Override
    public Integer call() {
      List<IpScope> scopes;
      if (scope.equalsIgnoreCase("all")) {
        scopes = List.of(IpScope.values());
      } else {
        try {
          scopes = List.of(IpScope.valueOf(scope.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          System.err.println("unknown scope: " + scope + " (login, send, api or all)");
          return 2;
        }
      }
      for (IpScope s : scopes) {
        System.out.println("Removed " + rules.clear(s) + " rule(s) from '" + s.key() + "'.");
      }
      return 0;
    }
  }
}
