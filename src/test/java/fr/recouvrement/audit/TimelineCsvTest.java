package fr.recouvrement.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The timeline file French Excel opens: what a user sees in the cells, and what Excel must not run.
 */
class TimelineCsvTest {

  @Test
  void theFileStartsWithAByteOrderMarkAndSeparatesCellsWithSemicolons() {
    String csv =
        TimelineCsv.writeFrench(
            List.of(
                event(
                    Instant.parse("2026-03-02T08:00:00Z"), "Relance envoyée", "system", Map.of())));
    assertThat(csv).startsWith("\uFEFFDate et heure (Paris);Type;Événement;Acteur\r\n");
    assertThat(rows(csv).get(1)).isEqualTo("02/03/2026 09:00:00;Paiement;Relance envoyée;system");
  }

  @Test
  void timesAreParisTimeWinterAndSummer() {
    // Paris is UTC+1 in winter, UTC+2 from the last Sunday of March: 08:00Z is 09:00 on 2 March,
    // 10:00 on 1 July
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("sentAt", "2026-07-01T08:00:00Z");
    String csv =
        TimelineCsv.writeFrench(
            List.of(event(Instant.parse("2026-07-01T08:00:00Z"), "Courriel", "system", details)));
    assertThat(rows(csv).get(0)).endsWith(";Envoyé le");
    assertThat(rows(csv).get(1))
        .isEqualTo("01/07/2026 10:00:00;Paiement;Courriel;system;01/07/2026 10:00:00");
  }

  @Test
  void eachDetailHasItsOwnColumnNestedDetailsIncluded() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("amount", new BigDecimal("1850.00"));
    first.put("inputs", Map.of("solde", new BigDecimal("12000.5")));
    first.put("canceled", false);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("channel", "EMAIL");
    second.put("candidateGroups", List.of("collectors", "supervisors"));
    String csv =
        TimelineCsv.writeFrench(
            List.of(
                event(Instant.parse("2026-03-02T08:00:00Z"), "Paiement reçu", "admin", first),
                event(Instant.parse("2026-03-02T09:00:00Z"), "Relance", "system", second)));
    List<String> rows = rows(csv);
    assertThat(rows.get(0))
        .isEqualTo(
            "\uFEFFDate et heure (Paris);Type;Événement;Acteur;Montant (€);Entrées · solde;Annulé;Canal;Groupes candidats");
    assertThat(rows.get(1))
        .isEqualTo("02/03/2026 09:00:00;Paiement;Paiement reçu;admin;1850,00;12000,5;non;;");
    assertThat(rows.get(2))
        .isEqualTo("02/03/2026 10:00:00;Paiement;Relance;system;;;;EMAIL;collectors, supervisors");
  }

  @Test
  void aCellExcelWouldRunAsAFormulaIsWrittenAsText() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("comment", "+33 6 12 34 56 78");
    details.put("name", "-2+3");
    details.put("reference", "@SUM(A1:A9)");
    details.put("amount", new BigDecimal("-12.50"));
    String csv =
        TimelineCsv.writeFrench(
            List.of(
                event(
                    Instant.parse("2026-03-02T08:00:00Z"),
                    "=HYPERLINK(\"http://evil.example\";\"ici\")",
                    "=cmd",
                    details)));
    List<String> row = List.of(rows(csv).get(1).split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
    // the title holds a quote and a ';': quoted, quotes doubled, and the leading '=' neutralised
    assertThat(row.get(2)).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"ici\"\")\"");
    assertThat(row.get(3)).isEqualTo("'=cmd");
    assertThat(row.get(4)).isEqualTo("'+33 6 12 34 56 78");
    assertThat(row.get(5)).isEqualTo("'-2+3");
    assertThat(row.get(6)).isEqualTo("'@SUM(A1:A9)");
    // a number we wrote ourselves stays a number Excel can add up
    assertThat(row.get(7)).isEqualTo("-12,50");
  }

  @Test
  void aCellThatLooksLikeAFormulaIsWrittenAsTextInTheRfc4180DialectToo() {
    assertThat(TimelineCsv.field("=HYPERLINK(\"https://evil.example\",\"Payer\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Payer\"\")\"");
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

  private static TimelineEvent event(
      Instant at, String title, String actor, Map<String, Object> details) {
    return new TimelineEvent(at, "PAYMENT", title, actor, details);
  }

  private static List<String> rows(String csv) {
    return List.of(csv.split("\r\n"));
  }
}
