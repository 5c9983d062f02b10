package fr.recouvrement.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Review L10: a timeline cell a spreadsheet would run as a formula is written as text. */
class TimelineCsvTest {

  @Test
  void aCellThatLooksLikeAFormulaIsWrittenAsText() {
    assertThat(TimelineCsv.field("=HYPERLINK(\"https://evil.example\",\"Payer\")")).isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Payer\"\")\"");
    assertThat(TimelineCsv.field("+33612345678 appelé")).isEqualTo("'+33612345678 appelé");
    assertThat(TimelineCsv.field("-1+cmd|' /C calc'!A0")).isEqualTo("'-1+cmd|' /C calc'!A0");
    assertThat(TimelineCsv.field("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(TimelineCsv.field("\tTab")).isEqualTo("'\tTab");
  }

  @Test
  void numbersAndOrdinaryTextStayAsTheyAre() {
    assertThat(TimelineCsv.field("-12.50")).isEqualTo("-12.50");
    assertThat(TimelineCsv.field("Relance par e-mail")).isEqualTo("Relance par e-mail");
    assertThat(TimelineCsv.field("a, b")).isEqualTo("\"a, b\"");
  }
}
