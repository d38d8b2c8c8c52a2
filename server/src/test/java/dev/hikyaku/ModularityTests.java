package dev.hikyaku;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of ARCHITECTURE.md hold: no cycles, no reach into another's internals. */
class ModularityTests {

  @Test
  void moduleBoundariesShouldHold() {
    ApplicationModules.of(HikyakuApplication.class).verify();
  }
}
