package fr.recouvrement.reminder;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The segment the debtor-segment table gives from what our records say of the debtor. */
@IntegrationTest
class PaymentHistoryTest {
  @LocalServerPort int port;
  final LocalDate today = CaseClock.today();

  @Test
  void theInvoicesBeingCollectedDoNotCountAgainstTheDebtor() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    String body =
        caseJson(
            newDebtorId(),
            "CONSUMER",
            "",
            invoice("H-1", today.minusDays(80), today.minusDays(50), "100.00"),
            invoice("H-2", today.minusDays(70), today.minusDays(40), "100.00"));
    assertThat(api.postJson("/api/cases", body).json().get("segment").asText())
        .isEqualTo("PONCTUEL");
  }

  @Test
  void invoicesPaidLateInAnEarlierCaseMakeTheDebtorOneWhoPaysLate() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    String debtor = newDebtorId();
    String first =
        api.postJson(
                "/api/cases",
                caseJson(
                    debtor,
                    "CONSUMER",
                    "",
                    invoice("H-10", today.minusDays(80), today.minusDays(50), "100.00"),
                    invoice("H-11", today.minusDays(70), today.minusDays(40), "100.00")))
            .json()
            .get("reference")
            .asText();
    assertThat(
            api.postJson("/api/cases/" + first + "/payments", payment("200.00", today, "VIR-H"))
                .json()
                .get("status")
                .asText())
        .isEqualTo("PAID");

    String second =
        api.postJson(
                "/api/cases",
                caseJson(
                    debtor,
                    "CONSUMER",
                    "",
                    invoice("H-12", today.minusDays(20), today.plusDays(10), "100.00")))
            .json()
            .get("reference")
            .asText();

    // two invoices paid 50 and 40 days late: 45 days on average, over the table's 30
    assertThat(api.get("/api/cases/" + second).json().get("segment").asText())
        .isEqualTo("EN_DIFFICULTE");
  }
}
