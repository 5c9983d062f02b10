package fr.recouvrement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import jakarta.validation.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseRequestValidatorTest {
  final CaseRequestValidator validator =
      new CaseRequestValidator(Validation.buildDefaultValidatorFactory().getValidator());

  static OpenCaseRequest request(String siren, OpenCaseRequest.Invoice... invoices) {
    return new OpenCaseRequest(
        new OpenCaseRequest.Debtor(
            "C-1", "BUSINESS", "Martin", siren, "a@b.fr", "+33612345678", null),
        Arrays.asList(invoices));
  }

  static OpenCaseRequest.Invoice invoice(String number, String amount) {
    return new OpenCaseRequest.Invoice(
        number, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 4), new BigDecimal(amount));
  }

  static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void aCompleteRequestHasNoProblem() {
    assertThat(validator.problems(request("552100554", invoice("F-1", "1850.00")))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"552100554", "732829320", "443061841"})
  void realSirensPass(String siren) {
    assertThat(Siren.Validator.isValidSiren(siren)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"552100555", "55210055", "5521005540", "55210055A", "123456789"})
  void malformedSirensFail(String siren) {
    assertThat(fields(validator.problems(request(siren, invoice("F-1", "10")))))
        .containsExactly("debtor.siren");
  }

  @Test
  void everyProblemOfTheRequestIsReportedAtOnce() {
    List<FieldProblem> problems =
        validator.problems(request("1", invoice("F-1", "-1"), invoice("F-1", "2.345"), null));
    assertThat(fields(problems))
        .containsExactlyInAnyOrder(
            "debtor.siren",
            "invoices[0].amount",
            "invoices[1].amount",
            "invoices[1].number",
            "invoices[2]");
  }

  @Test
  void aDueDateBeforeTheIssueDateIsNamed() {
    OpenCaseRequest.Invoice backwards =
        new OpenCaseRequest.Invoice(
            "F-1", LocalDate.of(2026, 2, 4), LocalDate.of(2026, 1, 5), BigDecimal.TEN);
    assertThat(validator.problems(request(null, backwards)))
        .containsExactly(
            new FieldProblem("invoices[0].dueDate", "must not be before the issue date"));
  }
}
