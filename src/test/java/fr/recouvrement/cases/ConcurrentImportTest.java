package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Security review L9: the same file imported by three people at the same moment. The imports meet
 * on the same debtors' rows (a lock held by another import, a unique key another import just
 * wrote): each of those lines is tried again or found already there, never reported as a bad line.
 */
@IntegrationTest
class ConcurrentImportTest {
  static final int LINES = 100;
  static final int IMPORTS = 3;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void threeImportsOfTheSameFileAtOnceRejectNoLineAndOpenEachCaseOnce() throws Exception {
    List<String> debtors = new ArrayList<>();
    StringBuilder csv =
        new StringBuilder(
            "debtor_id,debtor_type,debtor_name,siren,email,phone,address_line1,postal_code,city,invoice_number,issue_date,due_date,amount\n");
    for (int i = 0; i < LINES; i++) {
      String debtor = newDebtorId();
      debtors.add(debtor);
      csv.append(debtor)
          .append(",BUSINESS,Boulangerie Martin SARL,552100554,,,3 rue des Lilas,69003,Lyon,F-")
          .append(i)
          .append(",2026-01-05,2026-02-04,100.00\n");
    }
    ApiClient api = new ApiClient(port, "admin", "admin-test");

    ExecutorService people = Executors.newFixedThreadPool(IMPORTS);
    List<ApiClient.Response> answers = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ApiClient.Response>> sent = new ArrayList<>();
      for (int i = 0; i < IMPORTS; i++) {
        sent.add(
            people.submit(
                () -> {
                  go.await();
                  return api.post("/api/cases/import", "text/csv", csv.toString());
                }));
      }
      go.countDown();
      for (Future<ApiClient.Response> f : sent) {
        answers.add(f.get());
      }
    } finally {
      people.shutdownNow();
    }

    assertThat(answers)
        .extracting(ApiClient.Response::status)
        .as(answers.toString())
        .containsOnly(200);
    assertThat(answers)
        .allSatisfy(a -> assertThat(a.json().get("rejectedCount").asInt()).as(a.body()).isZero());
    // every line opened its case in exactly one of the three imports
    assertThat(answers.stream().mapToInt(a -> a.json().get("casesOpened").asInt()).sum())
        .isEqualTo(LINES);
    String in = String.join(",", debtors.stream().map(d -> "'" + d + "'").toList());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id in ("
                    + in
                    + ")",
                Integer.class))
        .isEqualTo(LINES);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from invoice i join debtor d on d.id = i.debtor_id where d.external_id in ("
                    + in
                    + ")",
                Integer.class))
        .isEqualTo(LINES);
  }
}
