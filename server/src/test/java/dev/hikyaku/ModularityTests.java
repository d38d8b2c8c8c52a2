package dev.hikyaku;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of ARCHITECTURE.md hold: no cycles, no reach into another's internals. */
class ModularityTests {

  @Test
  void moduleBoundariesShouldHold() {
    // mailauth and diagnose are framework-free libraries (their own Maven modules) that any
    // feature module may use; without this, Modulith takes dev.hikyaku.mailauth for an
    // application module whose sub-packages (dkim, spf, ...) are internal.
    ApplicationModules.of(
            HikyakuApplication.class,
            JavaClass.Predicates.resideInAnyPackage(
                "dev.hikyaku.mailauth..", "dev.hikyaku.diagnose.."))
        .verify();
  }
}
