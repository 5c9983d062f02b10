package fr.recouvrement.retention;

import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.retention.RetentionRepository.ClosedCase;
import fr.recouvrement.retention.RetentionRepository.DebtorCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a closed case's personal data as long as the law allows and no longer: each closed case
 * gets its retention date ({@link RetentionPeriod}), and once past it its rows, its stored
 * documents and its engine history go together, leaving the non-personal figures (reference, dates,
 * amounts, outcome) that the KPIs count. Each case is anonymised in its own transaction; the
 * documents and the history follow it, so a crash in between is finished by the next run.
 */
@Service
public class DataRetention {
  private static final Logger log = LoggerFactory.getLogger(DataRetention.class);

  /** Cases handled per run: a nightly run stays short; a backlog drains over a few nights. */
  static final int BATCH = 500;

  private final RetentionRepository repository;
  private final HistoryService history;
  private final TransactionTemplate transaction;
  private final Path dataDir;

  DataRetention(
      RetentionRepository repository,
      HistoryService history,
      PlatformTransactionManager transactions,
      @Value("${recouvrement.data-dir:./data}") String dataDir) {
    this.repository = repository;
    this.history = history;
    // each case in its own transaction, apart from the nightly job's: one case that cannot be
    // anonymised (its history still running, say) never rolls back the others
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
  }

  /** What one run did. */
  public record Run(int datedCases, int anonymisedCases, int anonymisedDebtors) {}

  /** Dates the newly closed cases, then anonymises those past their date (the nightly run). */
  public Run run(LocalDate today) {
    // dated and committed before any anonymisation: a case closed long ago is dated and already due
    // in the same run, and its anonymisation (its own transaction) must not wait for this one's
    // lock
    Integer datedNow =
        transaction.execute(
            status -> {
              int n = 0;
              for (ClosedCase c : repository.closedWithoutRetention(BATCH)) {
                repository.setRetention(
                    c.id(),
                    RetentionPeriod.of(c.debtorType(), c.courtDecision()).until(c.closedOn()));
                n++;
              }
              return n;
            });
    int dated = datedNow == null ? 0 : datedNow;
    int cases = 0;
    int debtors = 0;
    for (ClosedCase c : repository.due(today, BATCH)) {
      if (anonymise(c)) {
        debtors++;
      }
      cases++;
    }
    if (dated + cases > 0) {
      log.info(
          "Data retention: {} closed cases dated, {} cases and {} debtors anonymised",
          dated,
          cases,
          debtors);
    }
    return new Run(dated, cases, debtors);
  }

  /** Anonymises one case past its retention; answers whether its debtor went with it. */
  private boolean anonymise(ClosedCase c) {
    List<String> documents = repository.documentPaths(c.id());
    Boolean debtorGone =
        transaction.execute(
            status -> {
              repository.anonymiseCase(c.id());
              return repository.anonymiseDebtorIfNothingKept(c.debtorId());
            });
    for (String path : documents) {
      deleteDocument(path);
    }
    deleteHistory(c.reference());
    return Boolean.TRUE.equals(debtorGone);
  }

  private void deleteDocument(String storagePath) {
    Path file = dataDir.resolve(storagePath).normalize();
    if (!file.startsWith(dataDir)) {
      log.warn("Document path {} is outside the data directory: not deleted", storagePath);
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete document {}: delete it by hand", file, e);
    }
  }

  /**
   * The engine history of every process of the case: the case process, the processes it called,
   * their decisions.
   */
  private void deleteHistory(String reference) {
    List<String> ids = new ArrayList<>();
    for (HistoricProcessInstance root :
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
      ids.add(root.getId());
      history
          .createHistoricProcessInstanceQuery()
          .rootProcessInstanceId(root.getRootProcessInstanceId())
          .list()
          .forEach(p -> ids.add(p.getId()));
    }
    // only finished instances: a process of a closed case still waiting somewhere keeps its history
    // until it ends (the engine's own cleanup removes it then, by its removal time)
    List<String> finished =
        ids.stream()
            .distinct()
            .filter(
                id ->
                    history
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(id)
                            .finished()
                            .count()
                        == 1)
            .toList();
    if (finished.size() < ids.stream().distinct().count()) {
      log.warn(
          "Case {} still has running process instances: their history is left to the engine's cleanup",
          reference);
    }
    if (!finished.isEmpty()) {
      try {
        transaction.executeWithoutResult(
            status -> history.deleteHistoricProcessInstancesIfExists(finished));
      } catch (RuntimeException e) {
        log.warn(
            "The engine history of case {} could not be deleted: {}", reference, e.getMessage());
      }
    }
  }

  /** The answer to an erasure request: what went now, what the law keeps and until when. */
  public record Erasure(
      String debtor,
      List<Kept> kept,
      List<String> anonymisedCases,
      boolean contactDataErased,
      boolean debtorAnonymised) {
    public record Kept(String caseReference, String status, LocalDate until, String basis) {}
  }

  /**
   * An erasure request for a debtor (GDPR art. 17): a case past its retention is anonymised now;
   * the other cases are kept, with their date and legal basis (art. 17(3)(b) and (e): a legal
   * obligation, and the establishment or defence of legal claims until prescription). Once no case
   * is open, the debtor's email and phone go at once: no claim needs them any more.
   *
   * @return null when no such debtor is known
   */
  public Erasure erase(String externalId) {
    Long debtorId = repository.debtorId(externalId);
    if (debtorId == null) {
      return null;
    }
    run(CaseClock.today());
    List<Erasure.Kept> kept = new ArrayList<>();
    List<String> anonymised = new ArrayList<>();
    for (DebtorCase c : repository.casesOf(externalId)) {
      if (c.anonymised()) {
        anonymised.add(c.reference());
      } else if (c.closedOn() == null) {
        kept.add(
            new Erasure.Kept(
                c.reference(),
                c.status(),
                null,
                "dossier en cours : recouvrement d'une créance (RGPD art. 6(1)(b) et (f)) ; conservé jusqu'à sa clôture puis pendant la prescription + 1 an"));
      } else {
        kept.add(
            new Erasure.Kept(
                c.reference(),
                c.status(),
                c.retentionUntil(),
                "constatation, exercice ou défense de droits en justice jusqu'à la prescription + 1 an (RGPD art. 17(3)(e))"));
      }
    }
    boolean contact = repository.forgetContactChannels(debtorId) > 0;
    boolean debtorGone =
        kept.isEmpty()
            && transaction.execute(s -> repository.anonymiseDebtorIfNothingKept(debtorId));
    return new Erasure(
        debtorGone ? "ANON-" + debtorId : externalId,
        kept,
        anonymised,
        contact || debtorGone,
        debtorGone);
  }
}
