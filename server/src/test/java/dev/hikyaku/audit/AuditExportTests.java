package dev.hikyaku.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV export must not let a logged value run as a spreadsheet formula (CSV injection). */
class AuditExportTests {

  @ParameterizedTest
  @ValueSource(
      strings = {"=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")"})
  void formulaLikeCellsShouldBeNeutralised(String cell) {
    assertThat(AuditExport.neutralise(cell)).startsWith("'").endsWith(cell.substring(1));
  }

  @Test
  void ordinaryCellsShouldBeKept() {
    assertThat(AuditExport.neutralise("user:sato")).isEqualTo("user:sato");
    assertThat(AuditExport.neutralise("")).isEmpty();
  }

  @Test
  void rowsShouldQuoteEveryCellAndDoubleQuotes() {
    assertThat(AuditExport.row(List.of("a,b", "say \"hi\"", "=x")))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"'=x\"\r\n");
  }
}
