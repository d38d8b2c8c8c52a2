package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy's defaults, its validation, and how thresholds turn counts into severities. */
class CheckPolicyTests {

  @Test
  void defaultsShouldBeTheDocumentedOnes() {
    CheckPolicy p = CheckPolicy.defaults();
    assertThat(p.fileAddressesBlockingAt()).isEqualTo(10);
    assertThat(p.phoneNumbersBlockingAt()).isEqualTo(10);
    assertThat(p.myNumbersBlockingAt()).isEqualTo(1);
    assertThat(p.cardNumbersBlockingAt()).isEqualTo(1);
    assertThat(p.bodyAddressesBlockingAt()).isEqualTo(5);
    assertThat(p.encryptedBlocking()).isTrue();
    assertThat(p.maxArchiveDepth()).isEqualTo(3);
    assertThat(p.maxArchiveEntries()).isEqualTo(10_000);
    assertThat(p.maxInflatedBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(p.blockedExtensions())
        .contains(
            "exe", "com", "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh", "scr", "pif",
            "cpl", "msi", "msp", "hta", "jar", "ps1", "psm1", "lnk", "iso", "img", "vhd", "vhdx",
            "reg", "dll", "chm", "msc", "scf")
        .doesNotContain("pdf", "zip", "xlsx", "docx", "csv");
  }

  @Test
  void thresholdsShouldDecideBetweenNothingWarningAndBlocking() {
    CheckPolicy p = CheckPolicy.defaults();
    assertThat(p.severity(DataKind.ADDRESS, 1, false)).isEmpty();
    assertThat(p.severity(DataKind.ADDRESS, 2, false)).contains(Severity.WARNING);
    assertThat(p.severity(DataKind.ADDRESS, 9, false)).contains(Severity.WARNING);
    assertThat(p.severity(DataKind.ADDRESS, 10, false)).contains(Severity.BLOCKING);
    assertThat(p.severity(DataKind.ADDRESS, 5, true)).contains(Severity.BLOCKING);
    assertThat(p.severity(DataKind.MY_NUMBER, 1, false)).contains(Severity.BLOCKING);
    assertThat(p.severity(DataKind.CARD_NUMBER, 1, true)).contains(Severity.BLOCKING);
    CheckPolicy lenient = new CheckPolicy(10, 10, 3, 3, 5, Set.of(), true, 3, 10, 1_000);
    assertThat(lenient.severity(DataKind.MY_NUMBER, 1, false)).contains(Severity.WARNING);
  }

  @Test
  void nonsenseShouldBeRefusedWhenThePolicyIsBuilt() {
    assertThatThrownBy(() -> new CheckPolicy(0, 10, 1, 1, 5, Set.of(), true, 3, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fileAddressesBlockingAt");
    assertThatThrownBy(() -> new CheckPolicy(10, 10, 1, 1, 5, Set.of("tar.gz"), true, 3, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tar.gz");
    assertThatThrownBy(() -> new CheckPolicy(10, 10, 1, 1, 5, Set.of(), true, 3, 10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findingsShouldRefuseCodesThatAreNotKebabCase() {
    assertThatThrownBy(() -> new Finding(Severity.WARNING, "Attachment_Macro", "x", List.of(), "m"))
        .isInstanceOf(IllegalArgumentException.class);
    Finding f =
        new Finding(
            Severity.WARNING,
            "attachment-macro",
            "attachment a.xlsm",
            new java.util.ArrayList<>(List.of("x")),
            "m");
    assertThat(f.args()).isUnmodifiable();
    assertThat(f.messageKey()).isEqualTo("check.attachment-macro");
  }
}
