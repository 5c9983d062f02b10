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
          problems.add(new FieldProblem("invoices[" + i + "].dueDate", "must not be before the issue date"));
        }
        if (invoice.vatAmount() != null && invoice.amount() != null && invoice.vatAmount().compareTo(invoice.amount()) >= 0) {
          problems.add(new FieldProblem("invoices[" + i + "].vatAmount", "must be less than the amount (VAT included)"));
        }
        if (invoice.number() != null && !seen.add(invoice.number().trim())) {
          problems.add(
              new FieldProblem("invoices[" + i + "].number", "duplicates invoice " + invoice.number() + " of this request"));
        }
      }
    }
    problems.sort(Comparator.comparing(FieldProblem::field));
    return problems;
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
