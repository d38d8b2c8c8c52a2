package dev.hikyaku.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.IFactory;

/**
 * Runs one CLI command and returns its exit code. Diagnosis commands that need no database ({@link
 * StandaloneCommands}) run directly; the others start the application without its web server
 * (profile {@code cli}, quiet logging) and picocli gets the command objects from Spring.
 */
public final class CommandLine {

  private CommandLine() {}

  public static int run(Class<?> application, String[] args) {
    if (args.length > 0 && StandaloneCommands.names().contains(args[0])) {
      return StandaloneCommands.execute(args);
    }
    try {
      return runIn(application, args);
    } catch (RuntimeException e) {
      System.err.println("hikyaku: " + rootMessage(e));
      return 1;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
  }

  private static int runIn(Class<?> application, String[] args) {
    // The arguments go to picocli only: Spring would read "--scope=x" as a property.
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            .profiles("cli")
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .run()) {
      IFactory factory =
          new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
              try {
                return context.getAutowireCapableBeanFactory().createBean(type);
              } catch (org.springframework.beans.BeansException e) {
                return picocli.CommandLine.defaultFactory().create(type);
              }
            }
          };
      return new picocli.CommandLine(HikyakuCommand.class, factory).execute(args);
    }
  }
}
