package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each bad input gets a 400 problem+json naming the field, and writes nothing. */
@IntegrationTest
class CaseValidationApiTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  static final LocalDate ISSUE = LocalDate.of(2026, 1, 5);
  static final LocalDate DUE = LocalDate.of(2026, 2, 4);

  static Stream<Arguments> badRequests() {
    String id = "BAD";
    String siren = "\"siren\": \"552100554\",";
    return Stream.of(
        Arguments.of(
            "negative amount",
            caseJson(id, "BUSINESS", siren, invoice("F-1", ISSUE, DUE, "-5.00")),
            "invoices[0].amount"),
        Arguments.of(
            "zero amount",
            caseJson(id, "BUSINESS", siren, invoice("F-1", ISSUE, DUE, "0")),
            "invoices[0].amount"),
        Arguments.of(
            "three decimals",
            caseJson(id, "BUSINESS", siren, invoice("F-1", ISSUE, DUE, "10.005")),
            "invoices[0].amount"),
        Arguments.of(
            "due before issue",
            caseJson(id, "BUSINESS", siren, invoice("F-1", DUE, ISSUE, "10.00")),
            "invoices[0].dueDate"),
        Arguments.of(
            "unknown debtor type",
            caseJson(id, "COMPANY", siren, invoice("F-1", ISSUE, DUE, "10.00")),
            "debtor.type"),
        Arguments.of(
            "SIREN with a bad key",
            caseJson(
                id, "BUSINESS", "\"siren\": \"552100555\",", invoice("F-1", ISSUE, DUE, "10.00")),
            "debtor.siren"),
        Arguments.of(
            "SIREN of 8 digits",
            caseJson(
                id, "BUSINESS", "\"siren\": \"55210055\",", invoice("F-1", ISSUE, DUE, "10.00")),
            "debtor.siren"),
        Arguments.of(
            "email without domain",
            caseJson(id, "BUSINESS", siren, invoice("F-1", ISSUE, DUE, "10.00"))
                .replace("compta@martin.example", "compta@"),
            "debtor.email"),
        Arguments.of(
            "phone not E.164",
            caseJson(id, "BUSINESS", siren, invoice("F-1", ISSUE, DUE, "10.00"))
                .replace("+33612345678", "06 12 34 56 78"),
            "debtor.phone"),
        Arguments.of("no invoice", caseJson(id, "BUSINESS", siren), "invoices"),
        Arguments.of(
            "same invoice twice",
            caseJson(
                id,
                "BUSINESS",
                siren,
                invoice("F-1", ISSUE, DUE, "10.00"),
                invoice("F-1", ISSUE, DUE, "20.00")),
            "invoices[1].number"),
        Arguments.of(
            "amount as text",
            caseJson(id, "BUSINESS", siren, invoice("F-1", ISSUE, DUE, "\"dix\"")),
            "invoices[0].amount"),
        Arguments.of(
            "date not ISO",
            caseJson(id, "BUSINESS", siren, invoice("F-1", ISSUE, DUE, "10.00"))
                .replace("2026-02-04", "04/02/2026"),
            "invoices[0].dueDate"),
        Arguments.of(
            "no debtor", "{\"invoices\": [" + invoice("F-1", ISSUE, DUE, "10.00") + "]}", "debtor"),
        Arguments.of(
            "negative contractual rate",
            caseJson(id, "BUSINESS", siren, withField("contractualPenaltyRate", "-1")),
            "invoices[0].contractualPenaltyRate"),
        Arguments.of(
            "contractual rate over 100 %",
            caseJson(id, "BUSINESS", siren, withField("contractualPenaltyRate", "150")),
            "invoices[0].contractualPenaltyRate"),
        Arguments.of(
            "VAT not below the amount",
            caseJson(id, "BUSINESS", siren, withField("vatAmount", "10.00")),
            "invoices[0].vatAmount"),
        Arguments.of(
            "VAT with three decimals",
            caseJson(id, "BUSINESS", siren, withField("vatAmount", "1.675")),
            "invoices[0].vatAmount"));
  }

  /** A 10.00 invoice with one more field. */
  static String withField(String name, String value) {
    String plain = invoice("F-1", ISSUE, DUE, "10.00");
    return plain.substring(0, plain.length() - 1) + ", \"" + name + "\": " + value + "}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void aBadRequestIsRejectedNamingTheFieldAndWritesNothing(String why, String body, String field) {
    String debtor = newDebtorId();
    Response r =
        new ApiClient(port, "admin", "admin-test")
            .postJson("/api/cases", body.replace("\"BAD\"", "\"" + debtor + "\""));

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    for (JsonNode e : r.json().get("errors")) {
      fields.add(e.get("field").asText());
    }
    assertThat(fields).contains(field);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Long.class, debtor))
        .isZero();
  }
}
