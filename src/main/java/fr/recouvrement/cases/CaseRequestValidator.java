package fr.recouvrement.cases;

import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One set of rules for every way a case comes in (API, CSV): bean constraints plus the rules that
 * span fields (due date after issue date, no invoice twice in one request).
 */
@Component
public class CaseRequestValidator {
  private final Validator validator;

  public CaseRequestValidator(Validator validator) {
    this.validator = validator;
  }

  public List<FieldProblem> problems(OpenCaseRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null) {
      problems.add(new FieldProblem("body", "is required"));
      return problems;
    }
    for (ConstraintViolation<OpenCaseRequest> v : validator.validate(request)) {
      problems.add(new FieldProblem(fieldName(v), v.getMessage()));
    }
    OpenCaseRequest.Debtor debtor = request.debtor();
    if (debtor != null
        && "CONSUMER".equals(debtor.type())
        && Boolean.TRUE.equals(debtor.commercial())) {
      // a consumer acts outside any trade (C. consom., article liminaire)
      problems.add(
          new FieldProblem(
              "debtor.commercial",
              "must be false or absent for a CONSUMER debtor: a consumer is not a trader"));
    }
    if (request.invoices() != null) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < request.invoices().size(); i++) {
        OpenCaseRequest.Invoice invoice = request.invoices().get(i);
        if (invoice == null) {
          continue;
        }
        if (invoice.issueDate() != null
            && invoice.dueDate() != null
            && invoice.dueDate().isBefore(invoice.issueDate())) {
          problems.add(
              new FieldProblem("invoices[" + i + "].dueDate", "must not be before the issue date"));
        }
        if (invoice.vatAmount() != null
            && invoice.amount() != null
            && invoice.vatAmount().compareTo(invoice.amount()) >= 0) {
          problems.add(
              new FieldProblem(
                  "invoices[" + i + "].vatAmount", "must be less than the amount (VAT included)"));
        }
        if (invoice.number() != null && !seen.add(invoice.number().trim())) {
          problems.add(
              new FieldProblem(
                  "invoices[" + i + "].number",
                  "duplicates invoice " + invoice.number() + " of this request"));
        }
      }
    }
    controlCharacters(request, problems);
    problems.sort(Comparator.comparing(FieldProblem::field));
    return problems;
  }

  /**
   * A control character (a tab, a line break, a NUL…) in a name or an address is refused at intake:
   * accepted, it would print garbled on letters or stop the PDF of a formal notice on every retry.
   */
  private static void controlCharacters(OpenCaseRequest request, List<FieldProblem> problems) {
    OpenCaseRequest.Debtor d = request.debtor();
    if (d != null) {
      noControl("debtor.externalId", d.externalId(), problems);
      noControl("debtor.name", d.name(), problems);
      noControl("debtor.email", d.email(), problems);
      if (d.address() != null) {
        noControl("debtor.address.line1", d.address().line1(), problems);
        noControl("debtor.address.postalCode", d.address().postalCode(), problems);
        noControl("debtor.address.city", d.address().city(), problems);
      }
    }
    if (request.invoices() != null) {
      for (int i = 0; i < request.invoices().size(); i++) {
        OpenCaseRequest.Invoice invoice = request.invoices().get(i);
        if (invoice != null) {
          noControl("invoices[" + i + "].number", invoice.number(), problems);
        }
      }
    }
  }

  private static void noControl(String field, String value, List<FieldProblem> problems) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        problems.add(
            new FieldProblem(
                field,
                "must not contain control characters (found U+%04X at position %d)"
                    .formatted((int) c, i + 1)));
        return;
      }
    }
  }

  public void check(OpenCaseRequest request) {
    List<FieldProblem> problems = problems(request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static String fieldName(ConstraintViolation<?> v) {
    // "invoices[0].<list element>.amount" -> "invoices[0].amount"
    return v.getPropertyPath().toString().replace(".<list element>", "");
  }
}
