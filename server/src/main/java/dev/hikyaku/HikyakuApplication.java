package dev.hikyaku;

import dev.hikyaku.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Hikyaku's entry point: with no arguments (or {@code run}) it serves the console and API; with a
 * command it runs the CLI against the same configuration and database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HikyakuApplication {

  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("run") || args[0].equals("serve")) {
      SpringApplication.run(HikyakuApplication.class, args);
    } else {
      System.exit(CommandLine.run(HikyakuApplication.class, args));
    }
  }
}
