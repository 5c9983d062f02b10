package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.Race;
import fr.recouvrement.kernel.time.CaseClock;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Twenty identical requests at the same instant, as a retrying ERP or a double-clicking user sends
 * them: exactly one effect, and never a 5xx (each answer is the result, or a 409 saying it is
 * known).
 */
@IntegrationTest
class ConcurrentApiTest {
  static final int CALLERS = 20;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  static String opening(String debtor) {
    return """
        {"debtor": {"externalId": "%s", "type": "BUSINESS", "name": "Boulangerie Martin SARL", "siren": "552100554",
                    "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
         "invoices": [{"number": "F-1", "issueDate": "2026-01-05", "dueDate": "2026-02-04", "amount": 1850.00},
                      {"number": "F-2", "issueDate": "2026-01-10", "dueDate": "2026-02-09", "amount": 320.00}]}"""
        .formatted(debtor);
  }

  /** Runs the same call from twenty threads at once; answers every status. */
  private List<Integer> twenty(java.util.function.Supplier<ApiClient.Response> call)
      throws InterruptedException {
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    List<Throwable> failures = Race.run(CALLERS, () -> statuses.add(call.get().status()));
    assertThat(failures).isEmpty();
    return List.copyOf(statuses);
  }

  @Test
  void twentyOpeningsForOneNewDebtorMakeOneCaseWithItsTwoInvoicesAndNoServerError()
      throws Exception {
    String debtor = newDebtorId();

    List<Integer> statuses = twenty(() -> api.postJson("/api/cases", opening(debtor)));

    assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 201, 409));
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id = ?",
                Long.class,
                debtor))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from invoice i join debtor d on d.id = i.debtor_id where d.external_id = ?",
                Long.class,
                debtor))
        .isEqualTo(2);
  }

  @Test
  void twentyIdenticalPaymentsAreCountedOnce() throws Exception {
    String reference =
        api.postJson("/api/cases", opening(newDebtorId())).json().get("reference").asText();
    // paid today: the balance of today falls by exactly what was paid
    String payment =
        "{\"amount\": 500.00, \"date\": \"%s\", \"reference\": \"VIR-%s\"}"
            .formatted(CaseClock.today(), newDebtorId());
    java.math.BigDecimal before =
        api.get("/api/cases/" + reference).json().get("balance").decimalValue();

    List<Integer> statuses =
        twenty(() -> api.postJson("/api/cases/" + reference + "/payments", payment));

    assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 201, 409));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment p join collection_case c on c.id = p.case_id where c.reference = ?",
                Long.class,
                reference))
        .isEqualTo(1);
    // the balance fell by the amount once (penalties and interest first, C. civ. 1343-1, then
    // principal)
    assertThat(
            before.subtract(
                api.get("/api/cases/" + reference).json().get("balance").decimalValue()))
        .isEqualByComparingTo("500.00");
  }

  @Test
  void twentyIdenticalDisputesOpenOneDispute() throws Exception {
    String reference =
        api.postJson("/api/cases", opening(newDebtorId())).json().get("reference").asText();
    String dispute =
        "{\"category\": \"COMMERCIAL\", \"invoiceNumbers\": [\"F-2\"], \"comment\": \"Remise non appliquée\"}";

    List<Integer> statuses =
        twenty(() -> api.postJson("/api/cases/" + reference + "/disputes", dispute));

    assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 201, 409));
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from dispute x join collection_case c on c.id = x.case_id where c.reference = ?",
                Long.class,
                reference))
        .isEqualTo(1);
  }

  @Test
  void twentyIdenticalInsolvencyNoticesRecordOneProcedure() throws Exception {
    String reference =
        api.postJson("/api/cases", opening(newDebtorId())).json().get("reference").asText();
    String notice =
        "{\"procedure\": \"REDRESSEMENT\", \"judgmentDate\": \"2026-03-02\", \"publicationDate\": \"2026-03-10\"}";

    List<Integer> statuses =
        twenty(() -> api.postJson("/api/cases/" + reference + "/insolvency", notice));

    assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 201, 409));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from insolvency x join collection_case c on c.id = x.case_id where c.reference = ?",
                Long.class,
                reference))
        .isEqualTo(1);
    assertThat(api.get("/api/cases/" + reference).json().get("status").asText())
        .isEqualTo("INSOLVENCY");
  }
}
