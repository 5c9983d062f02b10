package fr.recouvrement.legal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries cases that were running before the prescription rules of issue 10 over to them, once:
 * their stored date and their timers were computed by the old rules (the filing of an order to pay
 * interrupted, a small-claims title gave 10 years, a seizure counted from its request), and their
 * invoices have no date yet. The events themselves were reclassified by migration V10; here every
 * open case with an unpaid invoice without a stored act is recomputed ({@link
 * PrescriptionService#refresh(long)}: dates, acts, timer variables and waiting timers), a
 * transaction per case, in the background after start-up so that a large portfolio does not delay
 * it. A case that fails (a concurrent change) is logged and left to its next event, which
 * recomputes it anyway.
 */
@Component
class PrescriptionCarryOver {
  private static final Logger log = LoggerFactory.getLogger(PrescriptionCarryOver.class);
  static final int BATCH = 100;

  private final PrescriptionService prescription;
  private final TransactionTemplate transaction;

  PrescriptionCarryOver(PrescriptionService prescription, PlatformTransactionManager transactions) {
    this.prescription = prescription;
    this.transaction = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    Thread worker = new Thread(this::run, "prescription-carry-over");
    worker.setDaemon(true);
    worker.start();
  }

  /** Recomputes every case not carried over yet; returns how many were. */
  int run() {
    Set<Long> tried = new HashSet<>();
    int done = 0;
    while (true) {
      List<Long> batch =
          prescription.notCarriedOver(BATCH + tried.size()).stream()
              .filter(id -> !tried.contains(id))
              .toList();
      if (batch.isEmpty()) {
        break;
      }
      for (Long caseId : batch) {
        tried.add(caseId);
        try {
          transaction.executeWithoutResult(status -> prescription.refresh(caseId));
          done++;
        } catch (RuntimeException e) {
          log.warn(
              "Prescription of case {} not carried over now ({}); its next event will recompute it",
              caseId,
              e.toString());
        }
      }
    }
    if (done > 0) {
      log.info("Prescription carried over to the rules of issue 10 for {} running cases", done);
    }
    return done;
  }
}
