package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files a careless or hostile sender posts to {@code POST /api/cases/import} (security review M2,
 * M7, L4).
 */
@IntegrationTest
class CsvHostileFilesTest {
  static final String HEADER = CsvImportApiTest.HEADER;
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  static String line(String debtor, String name, String invoice) {
    return debtor
        + ",BUSINESS,"
        + name
        + ",552100554,compta@martin.example,,3 rue des Lilas,69003,Lyon,"
        + invoice
        + ",2026-01-05,2026-02-04,100.00\n";
  }

  @Test
  void aWindows1252FileSentAsUtf8IsRefusedAtItsFirstUndecodableLineNotSilentlyGarbled() {
    String good = newDebtorId();
    String accented = newDebtorId();
    byte[] file =
        (HEADER
                + line(good, "Boulangerie Martin SARL", "F-1")
                + line(accented, "Société Générale des Eaux", "F-2"))
            .getBytes(WINDOWS_1252);

    Response r =
        api.post("/api/cases/import", "text/csv", HttpRequest.BodyPublishers.ofByteArray(file));

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().get("line").asInt()).isEqualTo(3);
    assertThat(r.json().get("detail").asText()).contains("UTF-8", "windows-1252", "line 3");
    // the line before it was imported; nothing garbled was stored
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Long.class, good))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Long.class, accented))
        .isZero();
  }

  @Test
  void theSameFileDeclaredAsWindows1252IsConvertedAndItsAccentsKept() {
    String accented = newDebtorId();
    byte[] file =
        (HEADER + line(accented, "Société Générale des Eaux", "F-3")).getBytes(WINDOWS_1252);

    Response r =
        api.post(
            "/api/cases/import",
            "text/csv; charset=windows-1252",
            HttpRequest.BodyPublishers.ofByteArray(file));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select name from debtor where external_id = ?", String.class, accented))
        .isEqualTo("Société Générale des Eaux");
  }

  @Test
  void thousandsOfBadLinesGiveACountAndTheFirstThousandNotAnAnswerAsBigAsTheFile() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 1500; i++) {
      csv.append(newDebtorId())
          .append(",ALIEN,x,,,,,,,F-")
          .append(i)
          .append(",2026-01-05,2026-02-04,1\n");
    }

    Response r = api.post("/api/cases/import", "text/csv", csv.toString());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode result = r.json();
    assertThat(result.get("rejectedCount").asInt()).isEqualTo(1500);
    assertThat(result.get("rejectedTruncated").asBoolean()).isTrue();
    assertThat(result.get("rejected")).hasSize(CsvCaseImport.MAX_REJECTED_LISTED);
    assertThat(result.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
  }

  @Test
  void aOneMegabyteLineOfQuotesIsRejectedWithoutReadingTheRestAndTheLinesBeforeItAreKept() {
    String before = newDebtorId();
    String after = newDebtorId();
    String csv =
        HEADER
            + line(before, "Boulangerie Martin SARL", "F-4")
            + "\"".repeat(1_000_000)
            + ",x\n"
            + line(after, "Après", "F-5");

    Response r = api.post("/api/cases/import", "text/csv", csv);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode rejected = r.json().get("rejected");
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(rejected.get(0).get("error").asText())
        .contains("64 K", "the rest of the file was not read");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Long.class, before))
        .isEqualTo(1);
  }

  @Test
  void aControlCharacterInADebtorsNameIsRefusedAtIntakeSoLettersNeverFailOnIt() {
    String debtor = newDebtorId();
    String csv = HEADER + line(debtor, "Boulangerie\u0007 Martin", "F-6");

    Response viaCsv = api.post("/api/cases/import", "text/csv", csv);
    Response viaApi =
        api.postJson(
            "/api/cases",
            """
        {"debtor": {"externalId": "%s", "type": "CONSUMER", "name": "Jeanne\\u0000 Martin"},
         "invoices": [{"number": "F-7", "issueDate": "2026-01-05", "dueDate": "2026-02-04", "amount": 10.00}]}"""
                .formatted(newDebtorId()));

    assertThat(viaCsv.json().get("rejected").get(0).get("error").asText())
        .contains("debtor_name", "control characters");
    assertThat(viaApi.status()).isEqualTo(400);
    assertThat(viaApi.json().get("errors").get(0).get("field").asText()).isEqualTo("debtor.name");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Long.class, debtor))
        .isZero();
  }
}
