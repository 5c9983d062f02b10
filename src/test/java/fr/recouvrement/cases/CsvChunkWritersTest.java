package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import writes {@link CsvCaseImport#WRITERS} chunks at the same moment while it reads the next
 * lines (issue 14): what it answers and stores is what one chunk after the other gave.
 */
@IntegrationTest
class CsvChunkWritersTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  private static String line(String debtor, String invoice, String amount) {
    return debtor
        + ",BUSINESS,Boulangerie Martin SARL,552100554,compta@martin.example,,3 rue des Lilas,69003,Lyon,"
        + invoice
        + ",2026-01-05,2026-02-04,"
        + amount
        + "\n";
  }

  @Test
  void aDebtorWhoseLinesFallInTwoChunksWrittenTogetherHasOneCaseWithBothInvoices() {
    // line 2 (the first after the header): debtor X; lines 3 to 201: 199 other debtors, so the
    // first chunk is full (200 lines) and is cut before line 202, X's second invoice, which opens
    // the second chunk: both chunks are written at the same moment and meet on X
    String x = newDebtorId();
    StringBuilder csv = new StringBuilder(CsvImportApiTest.HEADER).append(line(x, "F-1", "100.00"));
    List<String> others = new ArrayList<>();
    for (int i = 0; i < CsvCaseImport.CHUNK - 1; i++) {
      String other = newDebtorId();
      others.add(other);
      csv.append(line(other, "F-1", "50.00"));
    }
    csv.append(line(x, "F-2", "200.00"));

    Response r = api.post("/api/cases/import", "text/csv", csv.toString());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode result = r.json();
    assertThat(result.get("rejectedCount").asInt()).as(r.body()).isZero();
    // X and the 199 others: 200 cases, 201 invoices
    assertThat(result.get("casesOpened").asInt()).isEqualTo(CsvCaseImport.CHUNK);
    assertThat(result.get("invoicesAdded").asInt()).isEqualTo(CsvCaseImport.CHUNK + 1);
    assertThat(
            jdbc.queryForList(
                "select distinct c.reference from collection_case c join debtor d on d.id = c.debtor_id where d.external_id = ?",
                String.class,
                x))
        .as("X's two invoices are in one case")
        .hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select sum(i.amount) from invoice i join debtor d on d.id = i.debtor_id where d.external_id = ?",
                java.math.BigDecimal.class,
                x))
        .isEqualByComparingTo("300.00");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id in ("
                    + String.join(",", others.stream().map(o -> "'" + o + "'").toList())
                    + ")",
                Integer.class))
        .isEqualTo(CsvCaseImport.CHUNK - 1);
  }

  @Test
  void aDebtorWithMoreLinesThanAChunkHoldsHasOneCaseWithEveryInvoice() {
    // 400 lines fill a chunk with this debtor alone; the 10 after them make a second chunk
    String big = newDebtorId();
    StringBuilder csv = new StringBuilder(CsvImportApiTest.HEADER);
    int lines = CsvCaseImport.CHUNK_MAX + 10;
    for (int i = 1; i <= lines; i++) {
      csv.append(line(big, "F-" + i, "10.00"));
    }

    Response r = api.post("/api/cases/import", "text/csv", csv.toString());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("rejectedCount").asInt()).as(r.body()).isZero();
    assertThat(r.json().get("casesOpened").asInt()).isEqualTo(1);
    assertThat(r.json().get("invoicesAdded").asInt()).isEqualTo(lines);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct i.case_id) from invoice i join debtor d on d.id = i.debtor_id where d.external_id = ?",
                Integer.class,
                big))
        .isEqualTo(1);
  }

  @Test
  void rejectedLinesAreListedInLineOrderWhicheverChunkFoundThem() {
    // line 3 is refused when its chunk is written (the invoice is already recorded with another
    // amount), line 203 when it is read (a negative amount), after the first chunk was handed over
    String known = newDebtorId();
    Response first =
        api.post(
            "/api/cases/import", "text/csv", CsvImportApiTest.HEADER + line(known, "F-1", "10.00"));
    assertThat(first.json().get("casesOpened").asInt()).isEqualTo(1);

    StringBuilder csv =
        new StringBuilder(CsvImportApiTest.HEADER)
            .append(line(newDebtorId(), "F-1", "10.00"))
            .append(line(known, "F-1", "99.00"));
    for (int i = 0; i < CsvCaseImport.CHUNK - 2; i++) {
      csv.append(line(newDebtorId(), "F-1", "10.00"));
    }
    csv.append(line(newDebtorId(), "F-1", "10.00")).append(line(newDebtorId(), "F-1", "-5"));

    Response r = api.post("/api/cases/import", "text/csv", csv.toString());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode rejected = r.json().get("rejected");
    assertThat(rejected).as(r.body()).hasSize(2);
    assertThat(rejected.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(rejected.get(0).get("error").asText()).contains("already recorded");
    assertThat(rejected.get(1).get("line").asInt()).isEqualTo(CsvCaseImport.CHUNK + 3);
    assertThat(rejected.get(1).get("error").asText()).contains("amount");
    // every other line opened its case: 1 + 198 + 1
    assertThat(r.json().get("casesOpened").asInt()).isEqualTo(CsvCaseImport.CHUNK);
  }
}
