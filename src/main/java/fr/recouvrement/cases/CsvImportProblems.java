package fr.recouvrement.cases;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The import's own refusal, as problem+json: a file that is not text in the declared character set. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = CaseController.class)
class CsvImportProblems {
  @ExceptionHandler(CsvCaseImport.NotDecodableFileException.class)
  ProblemDetail notDecodable(CsvCaseImport.NotDecodableFileException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("File is not in the declared character set");
    problem.setType(URI.create("https://recouvrement.fr/problems/csv-charset"));
    problem.setProperty("line", e.line);
    problem.setProperty("casesOpened", e.casesOpened);
    problem.setProperty("invoicesAdded", e.invoicesAdded);
    return problem;
  }
}
