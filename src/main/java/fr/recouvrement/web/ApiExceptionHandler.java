package fr.recouvrement.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.recouvrement.cases.CaseConflictException;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.kernel.provider.SignedCallbacks;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error of {@code /api} as {@code application/problem+json}, naming the fields at fault. */
// before Spring Boot's own problem-details handler (order 0), which would drop the field names
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "fr.recouvrement")
class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /**
   * Counts provider callbacks refused for their signature (a wrong secret on either side, a replay,
   * an impostor), tagged by provider like the Stripe webhook's count of the same name: one metric,
   * one set of tags, or Prometheus keeps only one of them.
   */
  private final io.micrometer.core.instrument.MeterRegistry meters;

  ApiExceptionHandler(io.micrometer.core.instrument.MeterRegistry meters) {
    this.meters = meters;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return invalid(e.problems());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    return invalid(
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      // a misspelt field would otherwise be dropped in silence (review L10)
      return invalid(List.of(new FieldProblem(path(unknown.getPath()), "is not a known field")));
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      return invalid(
          List.of(
              new FieldProblem(
                  field,
                  "has a value of the wrong type or format (dates are YYYY-MM-DD, amounts are numbers)")));
    }
    return problem(
        HttpStatus.BAD_REQUEST, "Unreadable request", "The request body is not valid JSON.");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    // the value is not echoed (review L8)
    return invalid(List.of(new FieldProblem(e.getName(), "has an invalid value")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported content type",
        "Content type must be one of " + e.getSupportedMediaTypes());
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ProblemDetail notFound(CaseNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Case not found", e.getMessage());
  }

  @ExceptionHandler(CaseConflictException.class)
  ProblemDetail conflict(CaseConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflicts with what is recorded", e.getMessage());
  }

  /** A CSV import whose bytes are not text in the declared character set: stopped at that line. */
  @ExceptionHandler(fr.recouvrement.cases.CsvCaseImport.NotDecodableFileException.class)
  ProblemDetail notDecodable(fr.recouvrement.cases.CsvCaseImport.NotDecodableFileException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "File is not in the declared character set",
            e.getMessage());
    problem.setType(URI.create("https://recouvrement.fr/problems/csv-charset"));
    problem.setProperty("line", e.line);
    problem.setProperty("casesOpened", e.casesOpened);
    problem.setProperty("invoicesAdded", e.invoicesAdded);
    return problem;
  }

  @ExceptionHandler(fr.recouvrement.cases.UnprocessableCaseException.class)
  ProblemDetail unprocessable(fr.recouvrement.cases.UnprocessableCaseException e) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "Not allowed for this case", e.getMessage());
    e.facts().forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ProblemDetail notWaiting(MismatchingMessageCorrelationException e) {
    log.warn("Message not correlated: {}", e.getMessage());
    return problem(
        HttpStatus.CONFLICT,
        "Case process not waiting",
        "The case process is not waiting for this event; nothing was recorded.");
  }

  @ExceptionHandler(SignedCallbacks.InvalidSignatureException.class)
  ProblemDetail unsigned(
      SignedCallbacks.InvalidSignatureException e,
      jakarta.servlet.http.HttpServletRequest request) {
    log.warn("Callback refused: {}", e.getMessage());
    String path = request.getRequestURI();
    io.micrometer.core.instrument.Counter.builder("recouvrement.callbacks.refused")
        .description("Provider callbacks refused: signature missing, wrong or out of its window")
        .tag("provider", path.substring(path.lastIndexOf('/') + 1))
        .register(meters)
        .increment();
    return problem(HttpStatus.UNAUTHORIZED, "Callback not authenticated", e.getMessage());
  }

  @ExceptionHandler(fr.recouvrement.security.RoleRequiredException.class)
  ProblemDetail roleRequired(fr.recouvrement.security.RoleRequiredException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    // the engine's message names the user and the permissions he lacks: for the log only (review
    // L8)
    log.info("Refused by Camunda authorizations: {}", e.getMessage());
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this call.");
  }

  /** Spring's own exceptions with a status (a ResponseStatusException, ...): as they are. */
  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ProblemDetail> withStatus(ErrorResponseException e) {
    return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).body(e.getBody());
  }

  /**
   * Anything else is our fault, never the caller's: 500 with a reference to find the stack trace in
   * the log, and nothing of the exception itself (review L5, L8).
   */
  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e, HttpServletRequest request) {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)) {
      // the pages keep their error page; an exception that carries its own status keeps it
      throw e;
    }
    String incident = UUID.randomUUID().toString();
    log.error("Unexpected error, incident {}", incident, e);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Internal error",
            "Something went wrong on our side; nothing was changed by this call if it failed. Incident "
                + incident
                + ".");
    problem.setProperty("incident", incident);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  static ProblemDetail invalid(List<FieldProblem> problems) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            problems.stream()
                .map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setType(URI.create("https://recouvrement.fr/problems/invalid-request"));
    problem.setProperty(
        "errors",
        problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    return problem;
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      }
    }
    return sb.toString();
  }
}
