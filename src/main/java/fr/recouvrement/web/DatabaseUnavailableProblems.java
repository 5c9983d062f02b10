package fr.recouvrement.web;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database out of reach (no connection within the pool's timeout, a failover): a 503 with
 * {@code Retry-After}, never a 500 with a stack trace. Each request runs in one transaction, so
 * nothing of it was written; the caller sends it again (a payment's reference and an import's
 * invoices make the repeat harmless).
 */
// after ApiExceptionHandler, whose handlers of engine exceptions (authorization, correlation) come
// first
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@RestControllerAdvice(basePackages = "fr.recouvrement")
class DatabaseUnavailableProblems {
  static final String RETRY_AFTER_SECONDS = "30";
  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);

  @ExceptionHandler(DataAccessResourceFailureException.class)
  ResponseEntity<ProblemDetail> unreachable(DataAccessResourceFailureException e) {
    return unavailable(e);
  }

  /** No transaction could begin: no connection came within the pool's timeout. */
  @ExceptionHandler(org.springframework.transaction.CannotCreateTransactionException.class)
  ResponseEntity<ProblemDetail> noTransaction(
      org.springframework.transaction.CannotCreateTransactionException e) {
    return unavailable(e);
  }

  /** The engine wraps the same failure in its own exception (MyBatis underneath). */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engine(ProcessEngineException e) throws ProcessEngineException {
    if (!connectionFailure(e)) {
      throw e; // not ours: the other handlers (or the default) answer it
    }
    return unavailable(e);
  }

  static boolean connectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof org.springframework.transaction.CannotCreateTransactionException
          || (t instanceof java.sql.SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08"))
          || (t instanceof PersistenceException
              && t.getCause() instanceof SQLTransientConnectionException)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.warn("Database unavailable, answered 503: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem());
  }

  /** The one answer to a database out of reach, inside a controller or in front of it. */
  static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The database cannot be reached right now; nothing of this request was recorded. Send it again in a moment.");
    problem.setTitle("Service temporarily unavailable");
    problem.setType(URI.create("https://recouvrement.fr/problems/database-unavailable"));
    return problem;
  }
}
