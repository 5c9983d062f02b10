package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class CsvImportApiTest {
  static final String HEADER =
      "debtor_id,debtor_type,debtor_name,siren,email,phone,address_line1,postal_code,city,invoice_number,issue_date,due_date,amount\n";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  @Test
  void goodLinesAreImportedAndEachBadLineIsReportedWithItsLineNumber() {
    String a = newDebtorId();
    String b = newDebtorId();
    String csv =
        HEADER
            + a
            + ",BUSINESS,Boulangerie Martin SARL,552100554,compta@martin.example,+33612345678,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,1850.00\n"
            + a
            + ",BUSINESS,Boulangerie Martin SARL,552100554,compta@martin.example,+33612345678,3 rue des Lilas,69003,Lyon,F-2,2026-01-10,2026-02-09,120.50\n"
            + b
            + ",CONSUMER,\"Dupont, Jean\",,jean@dupont.example,,\"12 av. \"\"Foch\"\"\",75016,Paris,F-9,2026-01-05,2026-02-04,80\n"
            + b
            + ",CONSUMER,Jean Dupont,,jean@dupont.example,,,75016,Paris,F-10,2026-01-05,2026-02-04,-3\n"
            + "\n"
            + b
            + ",CONSUMER,Jean Dupont,,jean@dupont.example,,,75016,Paris,F-11,2026-02-05,2026-01-04,10\n"
            + b
            + ",CONSUMER,Jean Dupont,,jean@dupont.example\n"
            + b
            + ",ALIEN,Jean Dupont,,jean@dupont.example,,,75016,Paris,F-12,2026-01-05,2026-02-04,10\n"
            + b
            + ",CONSUMER,Jean Dupont,,jean@dupont.example,,,75016,Paris,F-13,05/01/2026,2026-02-04,10\n";

    Response r = api.post("/api/cases/import", "text/csv", csv);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode result = r.json();
    assertThat(result.get("casesOpened").asInt()).isEqualTo(2);
    assertThat(result.get("invoicesAdded").asInt()).isEqualTo(3);
    JsonNode rejected = result.get("rejected");
    assertThat(rejected).hasSize(5);
    assertThat(rejected.get(0).get("line").asInt()).isEqualTo(5);
    assertThat(rejected.get(0).get("error").asText()).contains("amount");
    assertThat(rejected.get(1).get("line").asInt()).isEqualTo(7);
    assertThat(rejected.get(1).get("error").asText()).contains("due_date");
    assertThat(rejected.get(2).get("line").asInt()).isEqualTo(8);
    assertThat(rejected.get(2).get("error").asText()).contains("columns");
    assertThat(rejected.get(3).get("line").asInt()).isEqualTo(9);
    assertThat(rejected.get(3).get("error").asText()).contains("debtor_type");
    assertThat(rejected.get(4).get("line").asInt()).isEqualTo(10);
    assertThat(rejected.get(4).get("error").asText()).contains("issue_date");

    assertThat(
            jdbc.queryForObject("select name from debtor where external_id = ?", String.class, b))
        .isEqualTo("Dupont, Jean");
    assertThat(
            jdbc.queryForObject(
                "select address_line1 from debtor where external_id = ?", String.class, b))
        .isEqualTo("12 av. \"Foch\"");

    Response again = api.post("/api/cases/import", "text/csv", csv);
    assertThat(again.json().get("casesOpened").asInt()).isZero();
    assertThat(again.json().get("invoicesAdded").asInt()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from invoice i join debtor d on d.id = i.debtor_id where d.external_id in (?, ?)",
                Long.class,
                a,
                b))
        .isEqualTo(3);
  }

  @Test
  void aFrenchSpreadsheetExportWithSemicolonsAndDecimalCommasIsRead() {
    String a = newDebtorId();
    String csv =
        HEADER.replace(',', ';')
            + a
            + ";BUSINESS;Garage du Centre;552100554;;;;;;F-1;2026-01-05;2026-02-04;1 850,25\n";
    JsonNode result = api.post("/api/cases/import", "text/csv", csv).json();
    assertThat(result.get("rejected")).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select amount from invoice i join debtor d on d.id = i.debtor_id where d.external_id = ?",
                java.math.BigDecimal.class,
                a))
        .isEqualByComparingTo("1850.25");
  }

  @Test
  void optionalColumnsMayFollowTheRequiredOnesInAnyOrder() {
    String a = newDebtorId();
    String csv =
        HEADER.replace("\n", ",vat_amount,contractual_penalty_rate\n")
            + a
            + ",BUSINESS,Garage du Centre,552100554,,,,,,F-1,2026-01-05,2026-02-04,1200.00,200.00,12.5\n"
            + a
            + ",BUSINESS,Garage du Centre,552100554,,,,,,F-2,2026-01-05,2026-02-04,600.00,,\n"
            + a
            + ",BUSINESS,Garage du Centre,552100554,,,,,,F-3,2026-01-05,2026-02-04,600.00,700.00,douze\n";

    JsonNode result = api.post("/api/cases/import", "text/csv", csv).json();

    assertThat(result.get("invoicesAdded").asInt()).isEqualTo(2);
    assertThat(result.get("rejected")).hasSize(1);
    assertThat(result.get("rejected").get(0).get("line").asInt()).isEqualTo(4);
    assertThat(result.get("rejected").get(0).get("error").asText())
        .contains("contractual_penalty_rate");
    assertThat(
            jdbc.queryForList(
                "select number, vat_amount, contractual_penalty_rate from invoice i join debtor d on d.id = i.debtor_id"
                    + " where d.external_id = ? order by number",
                a))
        .extracting(
            m ->
                m.get("NUMBER")
                    + " "
                    + m.get("VAT_AMOUNT")
                    + " "
                    + m.get("CONTRACTUAL_PENALTY_RATE"))
        .containsExactly("F-1 200.00 12.500", "F-2 null null");

    Response unknown =
        api.post("/api/cases/import", "text/csv", HEADER.replace("\n", ",discount\n"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("discount");
  }

  @Test
  void aWrongHeaderIsRejectedAsAWhole() {
    Response r = api.post("/api/cases/import", "text/csv", "id,type,amount\nX,BUSINESS,10\n");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("header");
    assertThat(api.post("/api/cases/import", "text/csv", "").status()).isEqualTo(400);
  }

  @Test
  void theOptionalCommercialColumnMayFollowTheRequiredOnesAndABadValueIsReportedOnItsLine() {
    String trader = newDebtorId();
    String sci = newDebtorId();
    String unsaid = newDebtorId();
    String csv =
        HEADER.strip()
            + ",Commercial \n"
            + trader
            + ",BUSINESS,Boulangerie Martin SARL,552100554,,,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,100.00,oui\n"
            + sci
            + ",BUSINESS,SCI Les Tilleuls,552100554,,,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,100.00,false\n"
            + unsaid
            + ",BUSINESS,Garage Durand,552100554,,,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,100.00,\n"
            + newDebtorId()
            + ",BUSINESS,Garage Petit,552100554,,,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,100.00,peut-être\n"
            + newDebtorId()
            + ",CONSUMER,Jean Dupont,,,,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,100.00,true\n";

    Response r = api.post("/api/cases/import", "text/csv", csv);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("casesOpened").asInt()).isEqualTo(3);
    JsonNode rejected = r.json().get("rejected");
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0).get("line").asInt()).isEqualTo(5);
    assertThat(rejected.get(0).get("error").asText()).contains("commercial").contains("peut-être");
    assertThat(rejected.get(1).get("line").asInt()).isEqualTo(6);
    assertThat(rejected.get(1).get("error").asText()).startsWith("commercial ");
    String commercial = "select commercial from debtor where external_id = ?";
    assertThat(jdbc.queryForObject(commercial, Boolean.class, trader)).isTrue();
    assertThat(jdbc.queryForObject(commercial, Boolean.class, sci)).isFalse();
    assertThat(jdbc.queryForObject(commercial, Boolean.class, unsaid))
        .isTrue(); // blank: a business with a SIREN
  }

  @Test
  void anUnknownOrRepeatedOptionalColumnRejectsTheFileNamingTheHeader() {
    String line =
        newDebtorId()
            + ",BUSINESS,Martin,552100554,,,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,100.00,true,x\n";
    Response unknown =
        api.post("/api/cases/import", "text/csv", HEADER.strip() + ",commercial,colour\n" + line);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("header");
    assertThat(unknown.json().get("errors").get(0).get("message").asText()).contains("colour");
    Response twice =
        api.post(
            "/api/cases/import", "text/csv", HEADER.strip() + ",commercial,commercial\n" + line);
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().get("errors").get(0).get("message").asText()).contains("twice");
    // a spreadsheet that ends every line with a separator: the unnamed column is ignored
    String debtor = newDebtorId();
    Response trailing =
        api.post(
            "/api/cases/import",
            "text/csv",
            HEADER.strip()
                + ",commercial,\n"
                + debtor
                + ",BUSINESS,SCI Les Tilleuls,552100554,,,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,100.00,non,\n");
    assertThat(trailing.status()).as(trailing.toString()).isEqualTo(200);
    assertThat(trailing.json().get("rejected")).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select commercial from debtor where external_id = ?", Boolean.class, debtor))
        .isFalse();
  }
}
