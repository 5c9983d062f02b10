package fr.recouvrement.payment;

import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments a provider took that their case refused (closed, under a procédure collective or an
 * admissible over-indebtedness file, unknown, a reference already used for another amount). The
 * provider has the debtor's money, so the payment is never dropped: it is kept in {@code
 * held_payment} and a supervisor gets the task « Traiter un paiement en ligne non affecté »
 * (process {@code held-payment}) to refund it or record it where it belongs. The row and the
 * process start in one transaction, once per provider payment however often the provider notifies
 * it.
 */
@Component
public class HeldPayments {
  static final String PROCESS_KEY = "held-payment";
  private static final Logger log = LoggerFactory.getLogger(HeldPayments.class);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;

  HeldPayments(JdbcTemplate jdbc, RuntimeService runtime, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tx = tx;
  }

  /** A held payment as a supervisor sees it. */
  public record Held(
      long id,
      String provider,
      String providerReference,
      String caseReference,
      BigDecimal amount,
      LocalDate paidOn,
      String reason,
      String resolution) {}

  /**
   * Keeps the payment and opens the supervisor's task, unless this provider payment is already
   * kept.
   */
  Held hold(
      String provider,
      String providerReference,
      String caseReference,
      BigDecimal amount,
      LocalDate paidOn,
      String reason) {
    Optional<Held> known = find(provider, providerReference);
    if (known.isPresent()) {
      return known.get();
    }
    try {
      return tx.execute(
          status -> {
            jdbc.update(
                "insert into held_payment (provider, provider_reference, case_reference, amount, paid_on, reason, received_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)",
                provider,
                providerReference,
                caseReference,
                amount,
                paidOn,
                truncate(reason),
                Timestamp.from(CaseClock.now()));
            Held held = find(provider, providerReference).orElseThrow();
            Map<String, Object> variables = new HashMap<>();
            variables.put("heldPaymentId", held.id());
            variables.put("caseReference", caseReference);
            variables.put("provider", provider);
            variables.put("providerReference", providerReference);
            variables.put("heldAmount", amount.toPlainString());
            variables.put("heldPaidOn", paidOn.toString());
            variables.put("heldReason", held.reason());
            String instance =
                runtime
                    .startProcessInstanceByKey(
                        PROCESS_KEY,
                        caseReference == null ? providerReference : caseReference,
                        variables)
                    .getId();
            jdbc.update(
                "update held_payment set process_instance_id = ? where id = ?",
                instance,
                held.id());
            log.warn(
                "{} payment {} of {} € held for a supervisor: {}",
                provider,
                providerReference,
                amount,
                held.reason());
            return held;
          });
    } catch (DuplicateKeyException sameMoment) {
      // another delivery of the same notification kept it an instant earlier
      return find(provider, providerReference).orElseThrow();
    }
  }

  /**
   * Records what the supervisor did with it (task « Traiter un paiement en ligne non affecté »).
   */
  void resolve(long id, String resolution, String comment, String supervisor) {
    jdbc.update(
        "update held_payment set resolution = ?, resolution_comment = ?, resolved_by = ?, resolved_at = ? where id = ? and resolution is null",
        resolution,
        truncate(comment),
        supervisor,
        Timestamp.from(CaseClock.now()),
        id);
  }

  public Optional<Held> find(String provider, String providerReference) {
    List<Held> rows =
        jdbc.query(
            "select id, provider, provider_reference, case_reference, amount, paid_on, reason, resolution from held_payment"
                + " where provider = ? and provider_reference = ?",
            (rs, i) ->
                new Held(
                    rs.getLong("id"),
                    rs.getString("provider"),
                    rs.getString("provider_reference"),
                    rs.getString("case_reference"),
                    rs.getBigDecimal("amount"),
                    rs.getObject("paid_on", LocalDate.class),
                    rs.getString("reason"),
                    rs.getString("resolution")),
            provider,
            providerReference);
    return rows.stream().findFirst();
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
  }
}
